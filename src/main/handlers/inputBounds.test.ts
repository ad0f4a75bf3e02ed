/**
 * Issue 17's inputs, through the real dispatcher onto a real SQLite file: over-long strings are
 * refused with a message naming the field (and nothing is stored), a NUL in a note is bad input
 * rather than an internal error, and names are compared in NFC without invisible characters.
 */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../../../test/support/testCore';
import { databasePath } from '../paths/dataDir';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

async function core() {
  const t = await makeTestCore();
  cleanups.push(t.cleanup);
  return t;
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const OVERRIDE = {
  modelId: 'meta.llama3-8b-instruct-v1:0',
  region: 'us-east-1',
  inputUsdPer1k: 0.00025,
  asOf: '2026-11-01',
  note: 'Enterprise quote',
};

describe('string bounds on write channels', () => {
  it.each([
    ['note', { ...OVERRIDE, note: TEN_MB }, /^note: The note can have at most 2000 characters/],
    ['modelId', { ...OVERRIDE, modelId: TEN_MB }, /^modelId: A model id can have at most 2048/],
    ['region', { ...OVERRIDE, region: TEN_MB }, /^region: /],
    ['note with a NUL', { ...OVERRIDE, note: 'quote\u0000' }, /^note: .*NUL/],
  ])('refuses a price override whose %s is bad, storing nothing', async (_, input, message) => {
    const t = await core();
    const before = statSync(databasePath(t.dir)).size;
    const r = await t.call('savePriceOverride', input);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(await t.value('listPriceOverrides', {})).toEqual([]);
    expect(statSync(databasePath(t.dir)).size).toBe(before);
  });

  it('refuses a 10 MB dataset name', async () => {
    const t = await core();
    const name = await t.call('createDataset', { name: TEN_MB });
    expect(!name.ok && name.error.message).toMatch(/^name: A name can have at most 120/);
    expect(await t.value('listDatasets', {})).toEqual([]);
  });

  it('stores a note in NFC and trimmed', async () => {
    const t = await core();
    await t.value('savePriceOverride', { ...OVERRIDE, note: '  Cafe\u0301 quote ' });
    const [stored] = await t.value('listPriceOverrides', {});
    expect(stored?.override.note).toBe('Caf\u00e9 quote');
  });
});

describe('names', () => {
  it('refuses a name of only invisible characters', async () => {
    const t = await core();
    for (const name of ['\u200b\u200b', '\ufeff \u2060', '\u200d\u200c\u00ad']) {
      const r = await t.call('createDataset', { name });
      expect(!r.ok && r.error.message).toBe('name: A name cannot be empty.');
    }
    expect(await t.value('listDatasets', {})).toEqual([]);
  });

  it('stores one form for names that look the same', async () => {
    const t = await core();
    const names = ['Base', 'Base\u200b', '\u200bBase', 'Caf\u00e9', 'Cafe\u0301', 'Ba\u00adse'];
    for (const name of names) await t.value('createDataset', { name });
    const stored = (await t.value('listDatasets', {})).map((d) => d.name);
    expect(new Set(stored)).toEqual(new Set(['Base', 'Caf\u00e9']));
  });

  it('keeps joiners inside a name (emoji sequences) but not at its ends', async () => {
    const t = await core();
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    const d = await t.value('createDataset', { name: `\u200d${family} team\u200d` });
    expect(d.name).toBe(`${family} team`);
  });
});
