import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels';
import { contract } from './contract';

describe('IPC contract', () => {
  it('names exactly the channels the preload exposes', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('rejects unknown fields instead of ignoring them', () => {
    const r = contract.createDataset.input.safeParse({ name: 'A', extra: 1 });
    expect(r.success).toBe(false);
  });

  it('rejects blank names and trims good ones', () => {
    expect(contract.createDataset.input.safeParse({ name: '   ' }).success).toBe(false);
    expect(contract.createDataset.input.parse({ name: '  Tickets ' })).toEqual({ name: 'Tickets' });
  });

  it('turns an empty reference into null and dedupes tags', () => {
    const parsed = contract.addParagraph.input.parse({
      datasetId: 'd1',
      text: 'Some text',
      reference: '  ',
      tags: ['a', 'a', 'b'],
    });
    expect(parsed.reference).toBeNull();
    expect(parsed.tags).toEqual(['a', 'b']);
  });

  it('refuses an empty paragraph and one over the length limit', () => {
    expect(contract.addParagraph.input.safeParse({ datasetId: 'd', text: ' \n ' }).success).toBe(
      false,
    );
    expect(
      contract.addParagraph.input.safeParse({ datasetId: 'd', text: 'x'.repeat(100_001) }).success,
    ).toBe(false);
  });

  it('needs at least one row to import', () => {
    const r = contract.importParagraphs.input.safeParse({
      target: { kind: 'new', name: 'X' },
      rows: [],
    });
    expect(r.success).toBe(false);
  });
});
