import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../../../test/support/testCore';
import { SAMPLE_PARAGRAPHS } from '../../shared/samples/sampleParagraphs';
import { freezeExperimentParagraphs } from '../db/repos/experimentParagraphs';
import { getExperiment } from '../db/repos/experiments';

let t: Awaited<ReturnType<typeof makeTestCore>>;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.cleanup());

describe('datasets and paragraphs through the handlers', () => {
  it('creates, renames, lists and deletes a dataset', async () => {
    const d = await t.value('createDataset', { name: 'Tickets' });
    expect(d).toMatchObject({ name: 'Tickets', paragraphCount: 0 });
    const renamed = await t.value('renameDataset', { id: d.id, name: 'Tickets Q3' });
    expect(renamed.name).toBe('Tickets Q3');
    expect((await t.value('listDatasets', {})).map((x) => x.name)).toEqual(['Tickets Q3']);
    await t.value('deleteDataset', { id: d.id });
    expect(await t.value('listDatasets', {})).toEqual([]);
  });

  it('adds, edits, reorders and deletes paragraphs, keeping positions dense', async () => {
    const d = await t.value('createDataset', { name: 'D' });
    const a = await t.value('addParagraph', { datasetId: d.id, text: 'First' });
    const b = await t.value('addParagraph', {
      datasetId: d.id,
      text: 'Second',
      reference: 'Ref',
      tags: ['x'],
    });
    const c = await t.value('addParagraph', { datasetId: d.id, text: 'Third' });
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    const edited = await t.value('updateParagraph', {
      id: a.id,
      text: 'First, edited',
      reference: 'R',
      tags: ['t'],
    });
    expect(edited).toMatchObject({ text: 'First, edited', reference: 'R', tags: ['t'] });
    const reordered = await t.value('reorderParagraphs', {
      datasetId: d.id,
      orderedIds: [c.id, a.id, b.id],
    });
    expect(reordered.map((p) => p.text)).toEqual(['Third', 'First, edited', 'Second']);
    await t.value('deleteParagraph', { id: a.id });
    const left = await t.value('listParagraphs', { datasetId: d.id });
    expect(left.map((p) => p.text)).toEqual(['Third', 'Second']);
    expect((await t.value('listDatasets', {}))[0]?.paragraphCount).toBe(2);
  });

  it('refuses a reorder that does not name exactly the dataset’s paragraphs', async () => {
    const d = await t.value('createDataset', { name: 'D' });
    const a = await t.value('addParagraph', { datasetId: d.id, text: 'A' });
    await t.value('addParagraph', { datasetId: d.id, text: 'B' });
    const r = await t.call('reorderParagraphs', { datasetId: d.id, orderedIds: [a.id] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
    expect((await t.value('listParagraphs', { datasetId: d.id })).map((p) => p.text)).toEqual([
      'A',
      'B',
    ]);
  });

  it('adds the sample dataset with every sample paragraph and its reference', async () => {
    const d = await t.value('addSampleDataset', {});
    const ps = await t.value('listParagraphs', { datasetId: d.id });
    expect(ps).toHaveLength(SAMPLE_PARAGRAPHS.length);
    expect(ps.every((p) => p.reference !== null && p.text.length > 100)).toBe(true);
    // A second click opens the same dataset instead of adding an identical copy.
    expect((await t.value('addSampleDataset', {})).id).toBe(d.id);
    expect(await t.value('listDatasets', {})).toHaveLength(1);
  });

  it('reuses the dataset of a file imported again with the same content, unless asked', async () => {
    const rows = [{ text: 'One' }, { text: 'Two', reference: 'Ref two', tags: ['a'] }];
    const first = await t.value('importParagraphs', { target: { kind: 'new', name: 'F' }, rows });
    const again = await t.value('importParagraphs', { target: { kind: 'new', name: 'F' }, rows });
    expect(again).toEqual({ datasetId: first.datasetId, added: 0, reused: true });
    const copy = await t.value('importParagraphs', {
      target: { kind: 'new', name: 'F', evenIfSame: true },
      rows,
    });
    expect(copy).toMatchObject({ added: 2, reused: false });
    expect(copy.datasetId).not.toBe(first.datasetId);
    const changed = await t.value('importParagraphs', {
      target: { kind: 'new', name: 'F' },
      rows: [{ text: 'One' }, { text: 'Two, edited' }],
    });
    expect(changed.reused).toBe(false);
    expect(await t.value('listDatasets', {})).toHaveLength(3);
  });

  it('marks a paragraph edited after an experiment ran on it, naming the experiment', async () => {
    const d = await t.value('createDataset', { name: 'D' });
    const p = await t.value('addParagraph', {
      datasetId: d.id,
      text: 'Old',
      reference: null,
      tags: [],
    });
    const e = t.core.ctx.db
      .prepare(
        `INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
           prompt_template, inference_json, repeats, concurrency, prices_json, created_at, updated_at)
         VALUES ('e1', 'First run', ?, 't', '[]', 'us-east-1', '{{paragraph}}', '{}', 1, 1, '[]', 't', 't')`,
      )
      .run(d.id);
    expect(e.changes).toBe(1);
    freezeExperimentParagraphs(t.core.ctx.db, getExperiment(t.core.ctx.db, 'e1')!);
    expect((await t.value('listParagraphs', { datasetId: d.id }))[0]?.olderTextIn).toBeUndefined();
    const saved = await t.value('updateParagraph', {
      id: p.id,
      text: 'New',
      reference: null,
      tags: [],
    });
    expect(saved.olderTextIn).toEqual([{ experimentId: 'e1', experimentName: 'First run' }]);
  });

  it('imports rows into a new dataset in one go', async () => {
    const r = await t.value('importParagraphs', {
      target: { kind: 'new', name: 'Imported' },
      rows: [{ text: 'One' }, { text: 'Two', reference: 'Ref two', tags: ['a'] }],
    });
    expect(r.added).toBe(2);
    const ps = await t.value('listParagraphs', { datasetId: r.datasetId });
    expect(ps.map((p) => [p.text, p.reference, p.tags])).toEqual([
      ['One', null, []],
      ['Two', 'Ref two', ['a']],
    ]);
  });

  it('an import with one bad row changes nothing and says which row', async () => {
    const d = await t.value('createDataset', { name: 'D' });
    const r = await t.call('importParagraphs', {
      target: { kind: 'existing', datasetId: d.id },
      rows: [{ text: 'Fine' }, { text: '   ' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/rows\.1\.text: A paragraph cannot be empty/);
    }
    expect(await t.value('listParagraphs', { datasetId: d.id })).toEqual([]);
    expect(await t.value('listDatasets', {})).toHaveLength(1);
  });

  it('refuses to delete a dataset that an experiment uses', async () => {
    const d = await t.value('createDataset', { name: 'D' });
    t.core.ctx.db
      .prepare(
        `INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
           prompt_template, inference_json, repeats, concurrency, prices_json, created_at, updated_at)
         VALUES ('e1', 'E', ?, 't', '[]', 'us-east-1', 'p', '{}', 1, 1, '{}', 'now', 'now')`,
      )
      .run(d.id);
    const r = await t.call('deleteDataset', { id: d.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/used by 1 experiment/);
    expect(await t.value('listDatasets', {})).toHaveLength(1);
  });

  it('answers not_found for a dataset that does not exist', async () => {
    const r = await t.call('listParagraphs', { datasetId: 'nope' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/no longer exists/) },
    });
  });
});
