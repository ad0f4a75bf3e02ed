import { describe, expect, it } from 'vitest';
import { judgePriceFor, knownJudgePrice } from './judgePrice';

describe('judgePriceFor', () => {
  it('reads the catalog’s on-demand price with its source', () => {
    const p = judgePriceFor('meta.llama3-70b-instruct-v1:0', 'us-east-1');
    expect(p).toMatchObject({ inputUsdPer1k: 0.00265, outputUsdPer1k: 0.0035 });
    expect(p?.source).toMatch(/^Price catalog, us-east-1, as of \d{4}-\d{2}-\d{2} \[/);
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
