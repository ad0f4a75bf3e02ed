import { describe, expect, it } from 'vitest';
import { outputTokensPerSecond, summarizeLatencies } from './latency';

describe('summarizeLatencies', () => {
  it('summarizes present samples with numpy-style percentiles', () => {
    const summary = summarizeLatencies([1200, null, 800, 1000, Number.NaN, 3000, 900]);
    expect(summary).toEqual({
      count: 5,
      mean: 1380,
      // np.percentile([800, 900, 1000, 1200, 3000], [50, 95]) as printed by numpy.
      p50: 1000,
      p95: 2639.9999999999995,
      min: 800,
      max: 3000,
    });
  });

  it('returns nulls, not zeros, without samples', () => {
    expect(summarizeLatencies([null, undefined])).toEqual({
      count: 0,
      mean: null,
      p50: null,
      p95: null,
      min: null,
      max: null,
    });
  });
});

describe('outputTokensPerSecond', () => {
  it('divides output tokens by the time after the first token', () => {
    expect(outputTokensPerSecond(100, 2500, 500)).toBe(50);
  });

  it('is null when the decode time is zero or negative, or a value is unknown', () => {
    expect(outputTokensPerSecond(100, 500, 500)).toBeNull();
    expect(outputTokensPerSecond(100, 400, 500)).toBeNull();
    expect(outputTokensPerSecond(100, 2500, null)).toBeNull();
    expect(outputTokensPerSecond(null, 2500, 500)).toBeNull();
    expect(outputTokensPerSecond(-1, 2500, 500)).toBeNull();
  });
});
