import { describe, expect, it } from 'vitest';
import { describeOrigin } from './priceOrigin';
import {
  CATALOG_ONLY,
  modelPriceOf,
  priceBookOf,
  resolvePrice,
  typedModelPrice,
  type ScopedOverride,
} from './priceBook';
import { PriceOverrideSchema } from './priceSchemas';

const L8B = 'meta.llama3-8b-instruct-v1:0';
const REGION = 'us-east-1';

const override = (
  scenarioId: string | null,
  o: { inputUsdPer1k?: number; outputUsdPer1k?: number; note: string; modelId?: string },
): ScopedOverride => ({
  scenarioId,
  override: PriceOverrideSchema.parse({ modelId: L8B, region: REGION, asOf: '2026-12-05', ...o }),
});

const found = (r: ReturnType<typeof resolvePrice>) => {
  if (!r.found) throw new Error(r.message);
  return r;
};

describe('resolvePrice', () => {
  it('gives the catalog price with its publisher and date', () => {
    const r = found(resolvePrice(CATALOG_ONLY, L8B, REGION));
    expect([r.inputUsdPer1k, r.outputUsdPer1k]).toEqual([0.0003, 0.0006]);
    expect(r.origin).toMatchObject({ kind: 'catalog', asOf: '2026-11-24' });
    expect(describeOrigin(r.origin)).not.toMatch(/S1\d|commit/);
  });

  it('applies a global override to every scenario and keeps its note and date', () => {
    const book = priceBookOf([override(null, { inputUsdPer1k: 0.00035, note: 'AWS quote' })]);
    for (const scenarioId of [null, 'a', 'b']) {
      const r = found(resolvePrice(book, L8B, REGION, { scenarioId }));
      expect([r.inputUsdPer1k, r.outputUsdPer1k]).toEqual([0.00035, 0.0006]);
      expect(r.origin).toEqual({
        kind: 'override',
        scope: 'global',
        note: 'AWS quote',
        asOf: '2026-12-05',
      });
    }
  });

  it("uses the experiment's typed price over the catalog and over a global override", () => {
    const typed = typedModelPrice(
      L8B,
      { inputUsdPer1k: 0.0004, outputUsdPer1k: 0.0006 },
      '2026-12-07',
    );
    const book = priceBookOf([override(null, { inputUsdPer1k: 0.00035, note: 'AWS quote' })]);
    const r = found(resolvePrice(book, L8B, REGION, { experimentPrices: [typed] }));
    expect([r.inputUsdPer1k, r.outputUsdPer1k]).toEqual([0.0004, 0.0006]);
    expect(r.origin).toEqual({ kind: 'typed', asOf: '2026-12-07' });
    expect(describeOrigin(r.origin)).toBe('typed for this experiment, 2026-12-07');
  });

  it('applies a scenario override only to its scenario, on top of the experiment', () => {
    const typed = typedModelPrice(
      L8B,
      { inputUsdPer1k: 0.0004, outputUsdPer1k: 0.0006 },
      '2026-12-07',
    );
    const book = priceBookOf([override('s1', { outputUsdPer1k: 0.0005, note: 'negotiated' })]);
    const mine = found(
      resolvePrice(book, L8B, REGION, { scenarioId: 's1', experimentPrices: [typed] }),
    );
    expect([mine.inputUsdPer1k, mine.outputUsdPer1k]).toEqual([0.0004, 0.0005]);
    expect(mine.origin).toMatchObject({ kind: 'override', scope: 'scenario', note: 'negotiated' });
    const other = found(
      resolvePrice(book, L8B, REGION, { scenarioId: 's2', experimentPrices: [typed] }),
    );
    expect([other.inputUsdPer1k, other.outputUsdPer1k]).toEqual([0.0004, 0.0006]);
    expect(other.origin.kind).toBe('typed');
  });

  it('keeps the origin through freezing into an experiment and resolving again', () => {
    const book = priceBookOf([override(null, { inputUsdPer1k: 0.00035, note: 'AWS quote' })]);
    const frozen = modelPriceOf(found(resolvePrice(book, L8B, REGION)));
    expect(frozen.overridden).toBe(true);
    // The override is deleted later: the experiment keeps the price it ran under, and why.
    const again = found(resolvePrice(CATALOG_ONLY, L8B, REGION, { experimentPrices: [frozen] }));
    expect(again.inputUsdPer1k).toBe(0.00035);
    expect(again.origin).toEqual(frozen.origin);
  });

  it('prices a model the catalog lacks only when both halves are given', () => {
    const unknown = 'mistral.new-v1:0';
    expect(resolvePrice(CATALOG_ONLY, unknown, REGION).found).toBe(false);
    const half = priceBookOf([
      override(null, { modelId: unknown, inputUsdPer1k: 0.001, note: 'q' }),
    ]);
    expect(resolvePrice(half, unknown, REGION).found).toBe(false);
    const both = priceBookOf([
      override(null, { modelId: unknown, inputUsdPer1k: 0.001, outputUsdPer1k: 0.002, note: 'q' }),
    ]);
    expect(found(resolvePrice(both, unknown, REGION)).outputUsdPer1k).toBe(0.002);
  });

  it('reads a legacy frozen price by its wording', () => {
    const legacy = {
      modelId: L8B,
      inputUsdPer1k: 0.0004,
      outputUsdPer1k: 0.0006,
      source: 'Entered by the analyst for this experiment',
      asOf: '2026-12-01',
      overridden: true,
    };
    const r = found(resolvePrice(CATALOG_ONLY, L8B, REGION, { experimentPrices: [legacy] }));
    expect(r.origin).toEqual({ kind: 'typed', asOf: '2026-12-01' });
  });
});
