import { describe, expect, it } from 'vitest';
import { bootstrapMean, MIN_PARAGRAPHS, pairedBootstrap, percentileInterval } from './bootstrap';
import { createRng, sampleTriangular, sampleUniform } from './random';

describe('pairedBootstrap', () => {
  it('covers the true difference in about 95 % of seeded trials', () => {
    // Teacher scores ~ U(0.3, 0.7) (true mean 0.5); the student scores trueDiff lower plus
    // symmetric zero-mean noise, so the population difference is exactly trueDiff.
    const trueDiff = -0.05;
    const trials = 200;
    const n = 30;
    const data = createRng(2024);
    let coveredDiff = 0;
    let coveredTeacher = 0;
    for (let trial = 0; trial < trials; trial++) {
      const teacher = Array.from({ length: n }, () => sampleUniform(data, 0.3, 0.7));
      const student = teacher.map((t) => t + trueDiff + sampleTriangular(data, -0.2, 0, 0.2));
      const result = pairedBootstrap(teacher, student, { seed: trial, resamples: 1000 });
      if (result.kind !== 'estimate') throw new Error('expected an estimate');
      const { low, high } = result.difference.ci;
      if (low <= trueDiff && trueDiff <= high) coveredDiff++;
      if (result.teacher.ci.low <= 0.5 && 0.5 <= result.teacher.ci.high) coveredTeacher++;
    }
    expect(coveredDiff / trials).toBeGreaterThanOrEqual(0.88);
    expect(coveredDiff / trials).toBeLessThanOrEqual(0.99);
    expect(coveredTeacher / trials).toBeGreaterThanOrEqual(0.88);
    expect(coveredTeacher / trials).toBeLessThanOrEqual(0.99);
  });

  it('resamples teacher and student together', () => {
    // With a constant per-paragraph gap, every paired resample has exactly that gap; an
    // unpaired bootstrap would spread the difference over roughly ±0.3.
    const teacher = [0.1, 0.9, 0.4, 0.6, 0.2, 0.8, 0.5, 0.3];
    const student = teacher.map((t) => t + 0.25);
    const result = pairedBootstrap(teacher, student, { seed: 5 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(result.difference.mean).toBeCloseTo(0.25, 12);
    expect(result.difference.ci.low).toBeCloseTo(0.25, 12);
    expect(result.difference.ci.high).toBeCloseTo(0.25, 12);
    expect(result.teacher.ci.high - result.teacher.ci.low).toBeGreaterThan(0.1);
  });

  it('drops a paragraph when either side is missing', () => {
    const teacher = [1, null, 3, 4, 5, 6, Number.NaN, 8];
    const student = [2, 2, undefined, 5, 6, 7, 7, 9];
    const result = pairedBootstrap(teacher, student, { seed: 1 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    // Kept pairs: (1,2) (4,5) (5,6) (6,7) (8,9).
    expect(result.n).toBe(5);
    expect(result.teacher.mean).toBe(24 / 5);
    expect(result.student.mean).toBe(29 / 5);
    expect(result.difference.mean).toBe(1);
  });

  it('reports insufficient data below five usable paragraphs', () => {
    expect(MIN_PARAGRAPHS).toBe(5);
    expect(pairedBootstrap([1, 2, 3, 4, null], [1, 2, 3, 4, 5])).toEqual({
      kind: 'insufficient',
      n: 4,
    });
    expect(pairedBootstrap([], [])).toEqual({ kind: 'insufficient', n: 0 });
  });

  it('gives the same interval for the same seed and a different one for another seed', () => {
    const teacher = [0.2, 0.5, 0.4, 0.9, 0.1, 0.6, 0.7];
    const student = [0.3, 0.4, 0.6, 0.8, 0.2, 0.4, 0.9];
    const a = pairedBootstrap(teacher, student, { seed: 99 });
    const b = pairedBootstrap(teacher, student, { seed: 99 });
    const c = pairedBootstrap(teacher, student, { seed: 100 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    if (a.kind !== 'estimate') throw new Error('expected an estimate');
    expect(a.options).toEqual({ seed: 99, resamples: 2000, confidence: 0.95 });
  });

  it('rejects lists that are not aligned by paragraph', () => {
    expect(() => pairedBootstrap([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('percentileInterval', () => {
  it('takes the 2.5th and 97.5th percentiles for 95 %', () => {
    const dist = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(percentileInterval(dist, 0.95)).toEqual({ low: 2.5, high: 97.5 });
    expect(percentileInterval(dist, 0.9)).toEqual({ low: 5, high: 95 });
  });
});

describe('bootstrapMean', () => {
  it('covers the true mean in about 95 % of seeded trials', () => {
    // Judge-like scores: uniform on {1..5}, true mean exactly 3. Seeded data and seeded
    // resampling make the count deterministic, so the band cannot flake.
    const data = createRng(77);
    const trials = 200;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const values = Array.from({ length: 40 }, () => 1 + data.nextInt(5));
      const r = bootstrapMean(values, { seed: trial, resamples: 1000 });
      if (r.kind !== 'estimate') throw new Error('expected an estimate');
      if (r.ci.low <= 3 && 3 <= r.ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.88);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  });

  it('skips missing values and needs five present ones', () => {
    expect(bootstrapMean([1, null, 2, Number.NaN, 3, 4])).toEqual({ kind: 'insufficient', n: 4 });
    const r = bootstrapMean([1, null, 2, 3, 4, 5], { seed: 3 });
    expect(r).toMatchObject({ kind: 'estimate', n: 5, mean: 3, options: { seed: 3 } });
    expect(bootstrapMean([1, 2, 3, 4, 5], { seed: 3 })).toEqual(r);
  });
});
