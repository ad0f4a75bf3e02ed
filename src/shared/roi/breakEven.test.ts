import { describe, expect, it } from 'vitest';
import { breakEvenVolume } from './breakEven';

type BreakEvenInputs = Parameters<typeof breakEvenVolume>[0];

const BASE = {
  teacherCostPerRequestUsd: 0.006,
  studentCostPerRequestUsd: 0.0005625,
  qualityCostPerRequestUsd: 0.003,
  studentFixedMonthlyUsd: 2,
  investmentUsd: 4156,
  horizonMonths: 24,
};
const params = (p: Partial<typeof BASE>) => ({ ...BASE, ...p }) as BreakEvenInputs;
const be = (p: Partial<typeof BASE> = {}) => breakEvenVolume(params(p));

/** Totals over the horizon at constant volume V, investment included, computed by hand. */
function totals(i: BreakEvenInputs, v: number) {
  const teacher = i.horizonMonths * v * i.teacherCostPerRequestUsd;
  const student =
    i.investmentUsd +
    i.horizonMonths *
      (i.studentFixedMonthlyUsd + v * (i.studentCostPerRequestUsd + i.qualityCostPerRequestUsd));
  return { teacher, student };
}

describe('break-even volume V*', () => {
  it('is (F_S + I/H) / (c_T − c_S − (f_S − f_T) c_f)', () => {
    const r = be();
    const expected = (2 + 4156 / 24) / (0.006 - 0.0005625 - 0.003);
    expect(r.kind === 'volume' && r.requestsPerMonth).toBeCloseTo(expected, 6);
  });

  it('makes the two totals equal to within 1e-9 relative', () => {
    const cases: Partial<typeof BASE>[] = [
      {},
      { studentCostPerRequestUsd: 0, studentFixedMonthlyUsd: 29_203, qualityCostPerRequestUsd: 0 },
      { qualityCostPerRequestUsd: -0.001, investmentUsd: 0, horizonMonths: 12 },
    ];
    for (const c of cases) {
      const r = be(c);
      if (r.kind !== 'volume') throw new Error('expected a volume');
      const t = totals(params(c), r.requestsPerMonth);
      expect(Math.abs(t.teacher - t.student) / t.teacher).toBeLessThan(1e-9);
    }
  });

  it('is none when a request costs at least as much on the student', () => {
    expect(be({ qualityCostPerRequestUsd: 0.006 - 0.0005625 }).kind).toBe('none');
    expect(be({ studentCostPerRequestUsd: 0.007 }).kind).toBe('none');
    expect(be({ qualityCostPerRequestUsd: 0.01 }).kind).toBe('none');
  });

  it('is zero when there is nothing fixed to recover', () => {
    expect(be({ studentFixedMonthlyUsd: 0, investmentUsd: 0 })).toEqual({
      kind: 'volume',
      requestsPerMonth: 0,
    });
  });
});
