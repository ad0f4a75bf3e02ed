import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../../../test/support/testCore';

let t: Awaited<ReturnType<typeof makeTestCore>>;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.cleanup());

const counts = () =>
  t.core.ctx.db
    .prepare('SELECT (SELECT count(*) FROM datasets) AS d, (SELECT count(*) FROM paragraphs) AS p')
    .get();

describe('dispatch', () => {
  it('refuses an unknown channel', async () => {
    const r = await t.callRaw('dropEverything', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    ['createDataset', null],
    ['createDataset', { name: 42 }],
    ['createDataset', { name: 'x'.repeat(121) }],
    ['addParagraph', { datasetId: 'd', text: 'a', tags: 'not-a-list' }],
    ['importParagraphs', { target: { kind: 'weird' }, rows: [{ text: 'a' }] }],
    ['reorderParagraphs', 'string input'],
  ])('%s with bad input %# returns invalid_input and writes nothing', async (channel, input) => {
    const before = counts();
    const r = await t.callRaw(channel, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
    expect(counts()).toEqual(before);
  });

  it('a __proto__ key in JSON input pollutes nothing', async () => {
    const input: unknown = JSON.parse('{"name":"ok","__proto__":{"polluted":true}}');
    await t.callRaw('createDataset', input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a full disk gives a clear error and loses nothing committed', async () => {
    const d = await t.value('createDataset', { name: 'Before the disk filled' });
    await t.value('addParagraph', { datasetId: d.id, text: 'Committed paragraph' });
    const db = t.core.ctx.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 1}`);
    const rows = Array.from({ length: 200 }, (_, i) => ({
      text: `Row ${i} ${'lorem ipsum '.repeat(200)}`,
    }));
    const r = await t.call('importParagraphs', {
      target: { kind: 'existing', datasetId: d.id },
      rows,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('disk_full');
      expect(r.error.message).toMatch(/disk is full/);
    }
    const kept = await t.value('listParagraphs', { datasetId: d.id });
    expect(kept.map((p) => p.text)).toEqual(['Committed paragraph']);
  });
});
