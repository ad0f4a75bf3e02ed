import { describe, expect, it } from 'vitest';
import {
  binsForScale,
  differenceHistogram,
  efficientModels,
  fixedHistogram,
  paragraphDifferences,
} from './chartData';

describe('fixedHistogram', () => {
  it('bins over the scale, top edge in the last bin, nulls skipped', () => {
    const bins = fixedHistogram([0, 0.05, 0.5, 0.99, 1, null, 1.2, -0.1], 0, 1, 4);
    expect(bins.map((b) => b.count)).toEqual([3, 0, 1, 3]);
    expect(bins[0]).toEqual({ from: 0, to: 0.25, count: 3 });
    expect(bins[3]?.to).toBe(1);
  });

  it('refuses an empty range', () => {
    expect(() => fixedHistogram([1], 1, 1, 3)).toThrow(RangeError);
  });

  it('uses tenths for ROUGE and half points for 1–5 scores', () => {
    expect(binsForScale(0, 1)).toBe(10);
    expect(binsForScale(1, 5)).toBe(8);
  });
});

describe('paragraphDifferences', () => {
  it('keeps paragraphs where both sides have a value', () => {
    expect(paragraphDifferences([0.5, null, 0.2, 0.4], [0.25, 0.3, null, 0.5])).toEqual([
      { index: 0, difference: -0.25 },
      { index: 3, difference: expect.closeTo(0.1, 12) },
    ]);
  });
});

describe('differenceHistogram', () => {
  it('bins every difference the scale allows, each paragraph counted once', () => {
    const diffs = paragraphDifferences([0.5, 0.9, 0.2, 1, 0], [0.45, 0.15, 0.2, 0, 1]);
    const bins = differenceHistogram(diffs, 0, 1);
    expect(bins).toHaveLength(20);
    expect(bins[0]?.from).toBe(-1);
    expect(bins.at(-1)?.to).toBe(1);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(diffs.length);
    // −1 and −0.75 fall in the lowest bins, 0 and −0.05 either side of the middle, 1 in the top.
    expect(bins[0]?.count).toBe(1);
    expect(bins[2]?.count).toBe(1);
    expect(bins[9]?.count).toBe(1);
    expect(bins[10]?.count).toBe(1);
    expect(bins[19]?.count).toBe(1);
  });

  it('spans −4 to 4 in half points for a 1–5 score', () => {
    const bins = differenceHistogram(paragraphDifferences([1, 5], [5, 1]), 1, 5);
    expect(bins).toHaveLength(16);
    expect([bins[0]?.from, bins.at(-1)?.to]).toEqual([-4, 4]);
    expect([bins[0]?.count, bins[15]?.count]).toEqual([1, 1]);
  });
});

describe('efficientModels', () => {
  it('marks the models no other model beats on both cost and quality', () => {
    const set = efficientModels([
      { id: 'teacher', costPer1kRequestsUsd: 0.47, quality: 0.8 },
      { id: 'cheap', costPer1kRequestsUsd: 0.07, quality: 0.7 },
      { id: 'worse', costPer1kRequestsUsd: 0.1, quality: 0.6 },
      { id: 'twin', costPer1kRequestsUsd: 0.07, quality: 0.7 },
      { id: 'unknown', costPer1kRequestsUsd: null, quality: 0.9 },
    ]);
    expect([...set].sort()).toEqual(['cheap', 'teacher', 'twin']);
  });
});
