import { describe, expect, it } from 'vitest';
import { priceBookOf } from '../pricing/priceBook';
import { PriceOverrideSchema } from '../pricing/priceSchemas';
import { judgePriceFor, knownJudgePrice } from './judgePrice';

describe('judgePriceFor', () => {
  it('reads the catalog’s on-demand price with its source', () => {
    const p = judgePriceFor('meta.llama3-70b-instruct-v1:0', 'us-east-1');
    expect(p).toMatchObject({ inputUsdPer1k: 0.00265, outputUsdPer1k: 0.0035 });
    expect(p?.source).toBe(
      'third-party registry (genai-prices / cline), 2026-11-24, not from AWS (us-east-1)',
    );
  });

  it('takes an override saved for every scenario, with its note', () => {
    const book = priceBookOf([
      {
        scenarioId: null,
        override: PriceOverrideSchema.parse({
          modelId: 'meta.llama3-70b-instruct-v1:0',
          region: 'us-east-1',
          inputUsdPer1k: 0.002,
          asOf: '2026-12-01',
          note: 'AWS quote',
        }),
      },
    ]);
    const p = judgePriceFor('meta.llama3-70b-instruct-v1:0', 'us-east-1', book);
    expect(p).toMatchObject({ inputUsdPer1k: 0.002, outputUsdPer1k: 0.0035 });
    expect(p?.source).toMatch(/^override for every scenario, 2026-12-01: AWS quote/);
  });

  it('is null for a model the catalog does not know', () => {
    expect(judgePriceFor('someone.unknown-v1:0', 'us-east-1')).toBeNull();
  });
});

describe('knownJudgePrice', () => {
  it('is the price when either side has one, and null for 0 and 0 (no price, not free)', () => {
    expect(knownJudgePrice({ inputUsdPer1k: 0.003, outputUsdPer1k: 0.015 })).toEqual({
      inputUsdPer1k: 0.003,
      outputUsdPer1k: 0.015,
    });
    expect(knownJudgePrice({ inputUsdPer1k: 0, outputUsdPer1k: 0.015 })).toEqual({
      inputUsdPer1k: 0,
      outputUsdPer1k: 0.015,
    });
    expect(knownJudgePrice({ inputUsdPer1k: 0, outputUsdPer1k: 0 })).toBeNull();
  });
});
