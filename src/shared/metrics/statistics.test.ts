import { describe, expect, it } from 'vitest';
import { mean, meanOrNull, normalQuantile, p50, p95, percentile, percentiles } from './statistics';

describe('percentile matches numpy.percentile (linear, numpy 2.4)', () => {
  // [values, p, np.percentile(values, p)] as printed by numpy.
  const cases: ReadonlyArray<readonly [number[], number, number]> = [
    [[1, 2, 3, 4], 0, 1.0],
    [[1, 2, 3, 4], 25, 1.75],
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 75, 3.25],
    [[1, 2, 3, 4], 95, 3.8499999999999996],
    [[1, 2, 3, 4], 100, 4.0],
    [[15, 20, 35, 40, 50], 5, 16.0],
    [[15, 20, 35, 40, 50], 30, 23.0],
    [[15, 20, 35, 40, 50], 40, 29.0],
    [[15, 20, 35, 40, 50], 95, 48.0],
    [[3.7, 1.2, 9.9, 4.4, 0.5, 7.1, 2.2], 2.5, 0.605],
    [[3.7, 1.2, 9.9, 4.4, 0.5, 7.1, 2.2], 50, 3.7],
    [[3.7, 1.2, 9.9, 4.4, 0.5, 7.1, 2.2], 95, 9.059999999999999],
    [[3.7, 1.2, 9.9, 4.4, 0.5, 7.1, 2.2], 97.5, 9.479999999999999],
    [[42], 95, 42.0],
    [[0.1, 0.2, 0.3], 10, 0.12000000000000001],
    [[0.1, 0.2, 0.3], 90, 0.28],
    [[0.1, 0.7, 0.2, 0.9, 0.3, 0.35], 33, 0.265],
    [[0.1, 0.7, 0.2, 0.9, 0.3, 0.35], 66, 0.45500000000000007],
    [[0.1, 0.7, 0.2, 0.9, 0.3, 0.35], 95, 0.85],
  ];
  it.each(cases)('np.percentile(%j, %d)', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('offers p50 / p95 / several at once', () => {
    expect(p50([1, 2, 3, 4])).toBe(2.5);
    expect(p95([15, 20, 35, 40, 50])).toBe(48);
    expect(percentiles([1, 2, 3, 4], [25, 75])).toEqual([1.75, 3.25]);
  });

  it('rejects empty input and p outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('mean', () => {
  it('averages and refuses an empty list', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(() => mean([])).toThrow(RangeError);
  });

  it('meanOrNull skips missing values', () => {
    expect(meanOrNull([2, null, 4, undefined, Number.NaN])).toBe(3);
    expect(meanOrNull([null, undefined])).toBeNull();
  });
});

describe('normalQuantile', () => {
  it('matches standard normal quantiles', () => {
    // Reference values: scipy.stats.norm.ppf.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-normalQuantile(0.99), 8);
  });
});
