import { describe, expect, it } from 'vitest';
import { applyOverrides } from './applyOverrides';
import { findPrice } from './findPrice';
import { PRICE_CATALOG } from './priceCatalog';
import { PriceEntrySchema, PriceOverrideSchema, type PriceOverrideInput } from './priceSchemas';
import { SEED_STUDY_PRICES, seedStudyCatalog } from './seedStudyPrices';

const override = (o: Partial<PriceOverrideInput>) =>
  PriceOverrideSchema.parse({
    modelId: 'meta.llama3-1-8b-instruct-v1:0',
    region: 'us-east-1',
    asOf: '2026-10-01',
    note: 'quote from our AWS account team',
    ...o,
  });

const entryOf = (catalog: typeof PRICE_CATALOG, modelId: string, region = 'us-east-1') => {
  const r = findPrice(modelId, region, catalog);
  if (!r.found) throw new Error(r.message);
  return r.entry;
};

describe('applyOverrides', () => {
  it('replaces the figure, marks the entry and cites the override with its date and note', () => {
    const { catalog, ignored } = applyOverrides(PRICE_CATALOG, [
      override({ inputUsdPer1k: 0.0002, outputUsdPer1k: 0.0002 }),
    ]);
    expect(ignored).toEqual([]);
    const e = entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0');
    expect(e.onDemand.inputUsdPer1k).toBe(0.0002);
    expect(e.overridden).toBe(true);
    expect(e.override).toEqual({
      asOf: '2026-10-01',
      note: 'quote from our AWS account team',
      fields: ['inputUsdPer1k', 'outputUsdPer1k'],
    });
    expect(e.onDemand.sources).toHaveLength(1);
    expect(e.onDemand.sources[0]?.ref).toMatch(/2026-10-01.*account team/);
    expect(PriceEntrySchema.safeParse(e).success).toBe(true);
  });

  it('leaves other regions and the original catalog untouched', () => {
    const { catalog } = applyOverrides(PRICE_CATALOG, [override({ inputUsdPer1k: 0.0001 })]);
    expect(entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0', 'us-west-2').overridden).toBe(false);
    expect(entryOf(PRICE_CATALOG, 'meta.llama3-1-8b-instruct-v1:0').onDemand.inputUsdPer1k).toBe(
      0.00022,
    );
  });

  it('keeps the original sources for the half of a pair it did not override', () => {
    const { catalog } = applyOverrides(PRICE_CATALOG, [override({ outputUsdPer1k: 0.0003 })]);
    const e = entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0');
    expect(e.onDemand.inputUsdPer1k).toBe(0.00022);
    expect(e.onDemand.sources.map((s) => s.tag)).toEqual(['override', 'S15']);
  });

  it('fills an unknown provisioned rate, keeping the other terms unknown', () => {
    const { catalog } = applyOverrides(PRICE_CATALOG, [
      override({ provisionedUsdPerHourPerUnit: { oneMonth: 21.18 } }),
    ]);
    const p = entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0').provisionedUsdPerHourPerUnit;
    expect(p.oneMonth.value).toBe(21.18);
    expect(p.sixMonths.value).toBeNull();
  });

  it('lets a later override of the same field win and merges the record', () => {
    const { catalog } = applyOverrides(PRICE_CATALOG, [
      override({ trainingUsdPer1kTokens: 0.004 }),
      override({ trainingUsdPer1kTokens: 0.005, asOf: '2026-11-01', note: 'new quote' }),
    ]);
    const e = entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0');
    expect(e.trainingUsdPer1kTokens.value).toBe(0.005);
    expect(e.override?.asOf).toBe('2026-11-01');
    expect(e.override?.fields).toEqual(['trainingUsdPer1kTokens']);
  });

  it('matches an inference-profile spelling of the id', () => {
    const { catalog } = applyOverrides(PRICE_CATALOG, [
      override({ modelId: 'us.meta.llama3-1-8b-instruct-v1:0', storageUsdPerMonth: 3 }),
    ]);
    expect(entryOf(catalog, 'meta.llama3-1-8b-instruct-v1:0').storageUsdPerMonth.value).toBe(3);
  });

  it('adds a model the catalog lacks when both token prices are given, else reports it', () => {
    const { catalog, ignored } = applyOverrides(PRICE_CATALOG, [
      override({ modelId: 'mistral.large-v1:0', inputUsdPer1k: 0.004, outputUsdPer1k: 0.012 }),
      override({ modelId: 'mistral.small-v1:0', inputUsdPer1k: 0.001 }),
    ]);
    const added = entryOf(catalog, 'mistral.large-v1:0');
    expect(added.overridden).toBe(true);
    expect(added.batchMultiplier.value).toBeNull();
    expect(ignored).toHaveLength(1);
    expect(ignored[0]?.reason).toMatch(/both input and output/);
    expect(catalog.entries).toHaveLength(PRICE_CATALOG.entries.length + 1);
  });
});

describe('PriceOverrideSchema', () => {
  const base = { modelId: 'x', region: 'us-east-1', asOf: '2026-01-01', note: 'n' };
  it('rejects an override that sets no price, lacks a note or has a bad date', () => {
    expect(PriceOverrideSchema.safeParse(base).success).toBe(false);
    expect(
      PriceOverrideSchema.safeParse({ ...base, provisionedUsdPerHourPerUnit: {} }).success,
    ).toBe(false);
    expect(PriceOverrideSchema.safeParse({ ...base, inputUsdPer1k: 1, note: ' ' }).success).toBe(
      false,
    );
    expect(
      PriceOverrideSchema.safeParse({ ...base, inputUsdPer1k: 1, asOf: '1/2/2026' }).success,
    ).toBe(false);
    expect(PriceOverrideSchema.safeParse({ ...base, inputUsdPer1k: -1 }).success).toBe(false);
    expect(PriceOverrideSchema.safeParse({ ...base, inputUsdPer1k: 0.001 }).success).toBe(true);
  });
});

describe('seedStudyCatalog', () => {
  it("carries the seed's $0.0004 / $0.0006 for Llama 3 8B, marked as an override", () => {
    const e = entryOf(seedStudyCatalog(), 'meta.llama3-8b-instruct-v1:0');
    expect(e.onDemand.inputUsdPer1k).toBe(0.0004);
    expect(e.onDemand.outputUsdPer1k).toBe(0.0006);
    expect(e.override?.note).toMatch(/^Prices of the built-in example/);
    expect(SEED_STUDY_PRICES.teacher.inputUsdPer1k).toBe(0.00265);
  });
});
