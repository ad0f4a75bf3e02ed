import { describe, expect, it } from 'vitest';
import {
  failureSharesForRoi,
  FailureSharesSchema,
  type FailureSharesInput,
} from './failureSharesForRoi';

const base: FailureSharesInput = {
  experimentId: 'e',
  metric: 'judge.overall',
  bar: 3,
  seed: 11,
  teacherModelId: 'T',
  studentModelId: 'S',
  teacherValues: [4, 4, 2, 5, 4, 3, null],
  studentValues: [3, 2, 2, 4, 2, 3, 1],
};

describe('failureSharesForRoi', () => {
  it('gives paired f_T and f_S with draws the Monte Carlo can index together', () => {
    const r = failureSharesForRoi(base);
    expect(FailureSharesSchema.parse(r)).toEqual(r);
    if (r.result.kind !== 'estimate') throw new Error('expected an estimate');
    // Paragraph 7 has no teacher value, so six pairs; teacher fails 1, student 3.
    expect(r.result.n).toBe(6);
    expect(r.result.teacher).toMatchObject({ failures: 1, share: 1 / 6 });
    expect(r.result.student).toMatchObject({ failures: 3, share: 0.5 });
    expect(r.result.difference?.value).toBeCloseTo(1 / 3, 12);
    expect(r.result.draws.paired).toBe(true);
    expect(r.result.draws.teacher).toHaveLength(2000);
    expect(r.result.draws.student).toHaveLength(2000);
    expect(r).toMatchObject({ seed: 11, resamples: 2000, confidence: 0.95, bar: 3 });
  });

  it('has no teacher share where the teacher is the target', () => {
    const r = failureSharesForRoi({
      ...base,
      metric: 'rougeL@teacher',
      bar: 0.5,
      studentValues: [0.1, 0.6, 0.7, 0.2, 0.9],
    });
    if (r.result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(r.result.teacher).toBeNull();
    expect(r.result.difference).toBeNull();
    expect(r.result.student).toMatchObject({ n: 5, failures: 2 });
    expect(r.result.draws).toMatchObject({ teacher: null, paired: false });
  });

  it('reports insufficient data under five paragraphs', () => {
    const r = failureSharesForRoi({
      ...base,
      teacherValues: [1, 2, 3, 4],
      studentValues: [1, 2, 3, 4],
    });
    expect(r.result).toEqual({ kind: 'insufficient', n: 4 });
  });
});
