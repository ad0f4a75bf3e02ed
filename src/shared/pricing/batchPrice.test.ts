import { describe, expect, it } from 'vitest';
import { batchPriceFor } from './batchPrice';

const onDemand = (modelId: string) => ({
  modelId,
  inputUsdPer1k: 0.0003,
  outputUsdPer1k: 0.0006,
  source: 'catalog',
  asOf: '2026-11-24',
  overridden: false,
});

describe('batchPriceFor', () => {
  it("applies the catalog's batch multiplier to the experiment's on-demand price", () => {
    const r = batchPriceFor(onDemand('meta.llama3-8b-instruct-v1:0'), 'us-east-1');
    expect(r.ok && [r.price.inputUsdPer1k, r.price.outputUsdPer1k]).toEqual([0.00015, 0.0003]);
  });

  it('keeps the source within the 500 characters a price source may have', () => {
    const r = batchPriceFor(
      { ...onDemand('meta.llama3-8b-instruct-v1:0'), source: 'x'.repeat(500) },
      'us-east-1',
    );
    expect(r.ok && r.price.source.length).toBe(500);
  });

  it('refuses a model the catalog has no batch price for, and a custom model', () => {
    expect(batchPriceFor(onDemand('acme.unknown-v1:0'), 'us-east-1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('cannot be sent to batch'),
    });
    expect(batchPriceFor(onDemand('meta.llama3-8b-instruct-v1:0'), 'eu-central-1').ok).toBe(false);
  });

  it('takes an explicit batch price when a catalog gives one', () => {
    const r = batchPriceFor(onDemand('acme.unknown-v1:0'), 'us-east-1', {
      explicit: { inputUsdPer1k: 0.0001, outputUsdPer1k: 0.0002, source: 'Price List' },
    });
    expect(r.ok && r.price.inputUsdPer1k).toBe(0.0001);
  });
});
