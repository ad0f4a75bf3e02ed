import { describe, expect, it } from 'vitest';
import { findPrice } from './findPrice';
import { overrideScopes, priceBookOf, resolvePrice, scenarioCatalog } from './priceBook';
import { PriceOverrideSchema, type PriceOverrideInput } from './priceSchemas';

const L8B = 'meta.llama3-1-8b-instruct-v1:0';
const REGION = 'us-west-2';

const scoped = (scenarioId: string | null, o: Partial<PriceOverrideInput> & { note: string }) => ({
  scenarioId,
  override: PriceOverrideSchema.parse({ modelId: L8B, region: REGION, asOf: '2026-12-06', ...o }),
});

// Hourly (provisioned), training and storage prices: unknown in the catalog for this model.
const book = priceBookOf([
  scoped(null, { storageUsdPerMonth: 2, note: 'Account team, every scenario' }),
  scoped('pilot', {
    trainingUsdPer1kTokens: 0.004,
    provisionedUsdPerHourPerUnit: { oneMonth: 21.18 },
    note: 'Pilot quote',
  }),
  scoped('pilot', { storageUsdPerMonth: 1.5, note: 'Pilot storage' }),
]);

const entryFor = (scenarioId: string | null) => {
  const f = findPrice(L8B, REGION, scenarioCatalog(book, scenarioId));
  if (!f.found) throw new Error(f.message);
  return f.entry;
};

describe('scenarioCatalog', () => {
  it("lays a scenario's own hourly, training and storage overrides over every scenario's", () => {
    const e = entryFor('pilot');
    expect(e.trainingUsdPer1kTokens.value).toBe(0.004);
    expect(e.provisionedUsdPerHourPerUnit.oneMonth.value).toBe(21.18);
    expect(e.storageUsdPerMonth.value).toBe(1.5);
  });

  it("keeps one scenario's overrides out of another and out of the unscoped book", () => {
    for (const id of ['other', null]) {
      const e = entryFor(id);
      expect(e.trainingUsdPer1kTokens.value).toBeNull();
      expect(e.provisionedUsdPerHourPerUnit.oneMonth.value).toBeNull();
      expect(e.storageUsdPerMonth.value).toBe(2);
    }
  });

  it('is the entry resolvePrice gives the same scenario', () => {
    for (const scenarioId of ['pilot', 'other', null]) {
      const r = resolvePrice(book, L8B, REGION, { scenarioId });
      if (!r.found) throw new Error(r.message);
      expect(r.entry).toEqual(entryFor(scenarioId));
    }
  });
});

describe('overrideScopes', () => {
  it('says which override set each figure, the scenario’s own winning', () => {
    const pilot = overrideScopes(book, L8B, REGION, 'pilot');
    expect(Object.fromEntries(pilot)).toEqual({
      storageUsdPerMonth: 'scenario',
      trainingUsdPer1kTokens: 'scenario',
      'provisionedUsdPerHourPerUnit.oneMonth': 'scenario',
    });
    const other = overrideScopes(book, L8B, REGION, 'other');
    expect(Object.fromEntries(other)).toEqual({ storageUsdPerMonth: 'global' });
    expect(overrideScopes(book, 'meta.llama3-8b-instruct-v1:0', REGION, 'pilot').size).toBe(0);
  });
});
