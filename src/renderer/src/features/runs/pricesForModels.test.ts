import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '../../../../shared/domain/experiment';
import {
  CATALOG_ONLY,
  priceBookOf,
  type ScopedOverride,
} from '../../../../shared/pricing/priceBook';
import { PriceOverrideSchema } from '../../../../shared/pricing/priceSchemas';
import { pricesForModels } from './pricesForModels';

/**
 * The experiment setup's prices: the catalog, then the overrides saved for every scenario, then
 * what the analyst typed for this experiment. An override saved for one scenario is that
 * scenario's "what if" and never prices an experiment.
 */
const L8B = 'meta.llama3-8b-instruct-v1:0';
const L70B = 'meta.llama3-70b-instruct-v1:0';
const REGION = 'us-east-1';
const TODAY = '2026-12-07';

const override = (
  scenarioId: string | null,
  o: { modelId: string; inputUsdPer1k?: number; outputUsdPer1k?: number; note: string },
): ScopedOverride => ({
  scenarioId,
  override: PriceOverrideSchema.parse({ region: REGION, asOf: '2026-12-05', ...o }),
});

const priceOf = (prices: ModelPrice[], modelId: string): ModelPrice => {
  const p = prices.find((x) => x.modelId === modelId);
  if (!p) throw new Error(`no price for ${modelId}`);
  return p;
};

describe('pricesForModels', () => {
  it('prices each model from the catalog, with its publisher and date, when nothing is saved', () => {
    const { prices, missing } = pricesForModels([L70B, L8B], REGION, {}, TODAY, CATALOG_ONLY);
    expect(missing).toEqual([]);
    expect(prices.map((p) => p.modelId)).toEqual([L70B, L8B]);
    const small = priceOf(prices, L8B);
    expect([small.inputUsdPer1k, small.outputUsdPer1k]).toEqual([0.0003, 0.0006]);
    expect(small.overridden).toBe(false);
    expect(small.origin).toMatchObject({ kind: 'catalog', asOf: '2026-11-24' });
  });

  it('applies an override saved for every scenario, keeping its note and date', () => {
    const book = priceBookOf([
      override(null, { modelId: L8B, inputUsdPer1k: 0.00035, note: 'AWS quote' }),
    ]);
    const { prices } = pricesForModels([L70B, L8B], REGION, {}, TODAY, book);
    const small = priceOf(prices, L8B);
    expect([small.inputUsdPer1k, small.outputUsdPer1k]).toEqual([0.00035, 0.0006]);
    expect(small.origin).toEqual({
      kind: 'override',
      scope: 'global',
      note: 'AWS quote',
      asOf: '2026-12-05',
    });
    expect(small.overridden).toBe(true);
    expect(small.source).toBe('override for every scenario, 2026-12-05: AWS quote');
    // The teacher, not overridden, stays at the catalog's price.
    expect(priceOf(prices, L70B).origin?.kind).toBe('catalog');
  });

  it('uses the price typed for this experiment over a saved global override', () => {
    const book = priceBookOf([
      override(null, { modelId: L8B, inputUsdPer1k: 0.00035, note: 'AWS quote' }),
    ]);
    const typed = { [L8B]: { input: 0.0004, output: 0.0007 } };
    const { prices } = pricesForModels([L70B, L8B], REGION, typed, TODAY, book);
    const small = priceOf(prices, L8B);
    expect([small.inputUsdPer1k, small.outputUsdPer1k]).toEqual([0.0004, 0.0007]);
    expect(small.origin).toEqual({ kind: 'typed', asOf: TODAY });
    expect(small.source).toBe(`typed for this experiment, ${TODAY}`);
  });

  it('ignores an override saved for one scenario', () => {
    const book = priceBookOf([
      override('scenario-1', {
        modelId: L8B,
        inputUsdPer1k: 0.0001,
        outputUsdPer1k: 0.0002,
        note: 'what if',
      }),
    ]);
    const { prices } = pricesForModels([L70B, L8B], REGION, {}, TODAY, book);
    const small = priceOf(prices, L8B);
    expect([small.inputUsdPer1k, small.outputUsdPer1k]).toEqual([0.0003, 0.0006]);
    expect(small.origin?.kind).toBe('catalog');
    expect(small.overridden).toBe(false);
  });

  it('prices an id as its base model but keeps the id as typed; an unknown model is missing until typed', () => {
    const profile = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc';
    const unknown = 'example.unknown-model-v1:0';
    const book = priceBookOf([
      override(null, { modelId: L8B, inputUsdPer1k: 0.00035, note: 'AWS quote' }),
    ]);
    const baseOf = (id: string) => (id === profile ? L8B : id);
    const { prices, missing, notes } = pricesForModels(
      [profile, unknown],
      REGION,
      {},
      TODAY,
      book,
      baseOf,
    );
    expect(prices.map((p) => p.modelId)).toEqual([profile]);
    expect(priceOf(prices, profile).inputUsdPer1k).toBe(0.00035);
    expect(priceOf(prices, profile).origin).toMatchObject({ kind: 'override', scope: 'global' });
    expect(missing).toEqual([unknown]);
    expect(notes[unknown]).toBeTruthy();

    const typed = pricesForModels(
      [unknown],
      REGION,
      { [unknown]: { input: 0.001, output: 0.002 } },
      TODAY,
      book,
    );
    expect(typed.missing).toEqual([]);
    expect(priceOf(typed.prices, unknown).origin).toEqual({ kind: 'typed', asOf: TODAY });
  });
});
