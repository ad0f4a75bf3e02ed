import { describe, expect, it } from 'vitest';
import { failureShare, pairedFailureShares } from './failureShare';
import { PAIRED_SHARES_METHOD } from './pairedInterval';

describe('failureShare', () => {
  it('counts scores strictly below the bar and ignores missing ones', () => {
    const scores = [0.2, 0.5, 0.49, null, 0.9, 0.1, undefined, 0.5, 0.7];
    const result = failureShare(scores, { threshold: 0.5, seed: 3 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    // Present: 0.2 0.5 0.49 0.9 0.1 0.5 0.7 → failures 0.2, 0.49, 0.1.
    expect(result.n).toBe(7);
    expect(result.failures).toBe(3);
    expect(result.share).toBe(3 / 7);
  });

  it('exposes one resampled share per resample, centred on the observed share', () => {
    const scores = Array.from({ length: 100 }, (_, i) => (i < 20 ? 0 : 1));
    const result = failureShare(scores, { threshold: 0.5, seed: 8, resamples: 2000 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(result.distribution).toHaveLength(2000);
    // Each share is a count out of 100 paragraphs.
    const offGrid = result.distribution.filter(
      (s) => Math.abs(s * 100 - Math.round(s * 100)) > 1e-9,
    );
    expect(offGrid).toEqual([]);
    const avg = result.distribution.reduce((a, b) => a + b, 0) / 2000;
    expect(Math.abs(avg - 0.2)).toBeLessThan(0.005);
    // Normal approximation: 0.2 ± 1.96 · sqrt(0.2 · 0.8 / 100) = [0.1216, 0.2784].
    expect(Math.abs(result.ci.low - 0.1216)).toBeLessThan(0.02);
    expect(Math.abs(result.ci.high - 0.2784)).toBeLessThan(0.02);
  });

  it('reports insufficient data below five scored outputs', () => {
    expect(failureShare([0.1, 0.9, null, 0.3, 0.2], { threshold: 0.5 })).toEqual({
      kind: 'insufficient',
      n: 4,
    });
  });
});

describe('pairedFailureShares', () => {
  it('aligns the two distributions by resample', () => {
    const same = [0.1, 0.9, 0.3, 0.8, 0.2, 0.7, 0.6];
    const result = pairedFailureShares(same, same, { threshold: 0.5, seed: 4, resamples: 500 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    // Same scores and same row draws: identical distributions and a zero difference, whose
    // interval stays open (seven paragraphs cannot prove two models fail exactly alike).
    expect(result.student.distribution).toEqual(result.teacher.distribution);
    expect(result.difference.value).toBe(0);
    expect(result.difference.ci.low).toBeCloseTo(-result.difference.ci.high, 12);
    expect(result.difference.ci.high).toBeGreaterThan(0.1);
    expect(result.difference.method).toBe(PAIRED_SHARES_METHOD);
    expect(new Set(result.teacher.distribution).size).toBeGreaterThan(1);
  });

  it('gives f_S − f_T over the paragraphs both models have', () => {
    const teacher = [0.9, 0.9, 0.9, 0.2, 0.9, 0.9, null];
    const student = [0.9, 0.3, 0.4, 0.2, 0.9, 0.9, 0.1];
    const result = pairedFailureShares(teacher, student, { threshold: 0.5, seed: 2 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(result.n).toBe(6);
    expect(result.teacher.share).toBe(1 / 6);
    expect(result.student.share).toBe(3 / 6);
    expect(result.difference.value).toBeCloseTo(2 / 6, 12);
    expect(result.difference.ci.low).toBeLessThanOrEqual(result.difference.value);
    expect(result.difference.ci.high).toBeGreaterThanOrEqual(result.difference.value);
  });
});
