import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { makeTempDir } from '../../../../test/support/tempDir';
import { ExperimentConfigSchema } from '../../../shared/domain/experiment';
import { openDatabase } from '../open';
import { insertDataset } from './datasets';
import {
  experimentParagraphs,
  experimentsWithOlderText,
  freezeExperimentParagraphs,
  paragraphsEditedSince,
} from './experimentParagraphs';
import { getExperiment, insertExperiment } from './experiments';
import { appendParagraphs, updateParagraph } from './paragraphs';
import { insertOkRun } from '../../../../test/support/qualitySeed';
import { storedProgress } from '../../runner/storedProgress';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function store() {
  const t = makeTempDir();
  const { db } = await openDatabase(`${t.dir}/test.sqlite`);
  cleanups.push(() => {
    db.close();
    t.cleanup();
  });
  const datasetId = insertDataset(db, 'frozen');
  const ids = appendParagraphs(db, datasetId, [
    { text: 'Revenue rose 7 percent.', reference: 'Up 7 %.', tags: ['q1'] },
    { text: 'Margins fell.', reference: null, tags: [] },
  ]);
  return { db, datasetId, ids };
}

function experiment(db: Database, datasetId: string, name: string) {
  const id = insertExperiment(
    db,
    ExperimentConfigSchema.parse({
      name,
      datasetId,
      teacherModelId: 'test.teacher-v1:0',
      studentModelIds: ['test.student-v1:0'],
      region: 'us-east-1',
      promptTemplate: '{{paragraph}}',
      systemPrompt: null,
      inference: { maxTokens: 200, temperature: 0, topP: 1 },
      repeats: 1,
      concurrency: 1,
      budgetUsd: null,
      prices: ['test.teacher-v1:0', 'test.student-v1:0'].map((modelId) => ({
        modelId,
        inputUsdPer1k: 0.001,
        outputUsdPer1k: 0.002,
        source: 'test',
        asOf: '2026-01-01',
        overridden: true,
      })),
    }),
  );
  return getExperiment(db, id)!;
}

const edit = (db: Database, id: string, text: string) =>
  updateParagraph(db, id, { text, reference: 'Changed.', tags: [] });

describe('frozen experiment paragraphs', () => {
  it('keeps the text an experiment started with after the paragraph is edited', async () => {
    const { db, datasetId, ids } = await store();
    const e = experiment(db, datasetId, 'First run');
    expect(freezeExperimentParagraphs(db, e)).toBe(true);
    edit(db, ids[0]!, 'Revenue rose 9 percent.');

    const used = experimentParagraphs(db, e);
    expect(used.map((p) => [p.id, p.text, p.reference, p.tags])).toEqual([
      [ids[0], 'Revenue rose 7 percent.', 'Up 7 %.', ['q1']],
      [ids[1], 'Margins fell.', null, []],
    ]);
    expect(paragraphsEditedSince(db, e)).toEqual([ids[0]]);
    expect([...experimentsWithOlderText(db, datasetId)]).toEqual([
      [ids[0], [{ experimentId: e.id, experimentName: 'First run' }]],
    ]);
  });

  it('freezes once: a resumed experiment keeps its set and texts', async () => {
    const { db, datasetId, ids } = await store();
    const e = experiment(db, datasetId, 'Resumed');
    freezeExperimentParagraphs(db, e);
    edit(db, ids[1]!, 'Margins fell sharply.');
    appendParagraphs(db, datasetId, [{ text: 'A new paragraph.', reference: null, tags: [] }]);
    expect(freezeExperimentParagraphs(db, e)).toBe(false);
    expect(experimentParagraphs(db, e).map((p) => p.text)).toEqual([
      'Revenue rose 7 percent.',
      'Margins fell.',
    ]);
  });

  it('counts progress over the frozen paragraphs, not ones added to the dataset since', async () => {
    const { db, datasetId, ids } = await store();
    const e = experiment(db, datasetId, 'Counted');
    freezeExperimentParagraphs(db, e);
    insertOkRun(db, {
      experimentId: e.id,
      paragraphId: ids[0]!,
      modelId: 'test.student-v1:0',
      role: 'student',
      outputText: 'Up 7 %.',
      costUsd: 0.00014,
    });
    appendParagraphs(db, datasetId, [{ text: 'A new paragraph.', reference: null, tags: [] }]);

    const p = storedProgress(db, e);
    // 2 frozen paragraphs × (teacher + 1 student): the third paragraph is not this experiment's.
    expect(p).toMatchObject({ total: 4, done: 1, failed: 0, spentUsd: 0.00014 });
    expect(p.perModel.map((m) => [m.modelId, m.done, m.total])).toEqual([
      ['test.teacher-v1:0', 0, 2],
      ['test.student-v1:0', 1, 2],
    ]);
  });

  it('stores identical text once, however many experiments use it', async () => {
    const { db, datasetId } = await store();
    freezeExperimentParagraphs(db, experiment(db, datasetId, 'One'));
    freezeExperimentParagraphs(db, experiment(db, datasetId, 'Two'));
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('text_snapshots')).toBe(2);
    expect(count('experiment_paragraphs')).toBe(4);
  });

  it('reads the dataset as it is for an experiment that has not started', async () => {
    const { db, datasetId, ids } = await store();
    const e = experiment(db, datasetId, 'Draft');
    edit(db, ids[0]!, 'Revenue rose 9 percent.');
    expect(experimentParagraphs(db, e)[0]?.text).toBe('Revenue rose 9 percent.');
    expect(paragraphsEditedSince(db, e)).toEqual([]);
  });
});
