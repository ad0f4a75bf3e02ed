import { describe, expect, it } from 'vitest';
import { usd } from '../units';
import {
  cashFlowHeadline,
  cashFlowTables,
  cumulativeCashFlowUsd,
  monthFigures,
  npvUsd,
  PAYBACK_SEARCH_MONTHS,
  paybackFromCashFlow,
  roiOverHorizon,
} from './cashFlow';
import type { RoiInputs } from './roiInputs';

/** Teacher $1 a request, student free: S(t) = V_t − F_S, so each case is set by V, F_S and I. */
const inputs = (p: Partial<Record<keyof RoiInputs, number>>): RoiInputs =>
  ({
    requestsPerMonth: 1000,
    monthlyGrowth: 0,
    teacherCostPerRequestUsd: 1,
    studentCostPerRequestUsd: 0,
    studentFixedMonthlyUsd: 0,
    capacity: null,
    qualityCostPerRequestUsd: 0,
    investmentUsd: 0,
    yearlyDiscountRate: 0,
    horizonMonths: 12,
    ...p,
  }) as RoiInputs;

const paybackOf = (p: Partial<Record<keyof RoiInputs, number>>) =>
  paybackFromCashFlow(cumulativeCashFlowUsd(inputs(p), PAYBACK_SEARCH_MONTHS));

describe('one month', () => {
  it('prices a per-token student by volume with its fixed cost on top, and saves C_T − C_S − Q', () => {
    const m = monthFigures(
      inputs({
        requestsPerMonth: 2000,
        monthlyGrowth: 0.05,
        teacherCostPerRequestUsd: 0.006,
        studentCostPerRequestUsd: 0.0005,
        studentFixedMonthlyUsd: 1.95,
        qualityCostPerRequestUsd: 0.03,
      }),
      2,
    );
    expect(m.volume).toBeCloseTo(2100, 9);
    expect(m.teacherCostUsd).toBeCloseTo(12.6, 9);
    expect(m.studentCostUsd).toBeCloseTo(2100 * 0.0005 + 1.95, 9);
    expect(m.qualityCostUsd).toBeCloseTo(63, 9);
    expect(m.savingUsd).toBeCloseTo(12.6 - 3 - 63, 9);
  });
});

describe('cumulative cash flow', () => {
  it('starts at −I and adds each month’s saving', () => {
    const cf = cumulativeCashFlowUsd(inputs({ requestsPerMonth: 300, investmentUsd: 1000 }), 4);
    expect(cf).toEqual([-1000, -700, -400, -100, 200]);
  });

  it('discounts month t by (1 + r/12)^t', () => {
    const cf = cumulativeCashFlowUsd(
      inputs({ requestsPerMonth: 100, yearlyDiscountRate: 0.12 }),
      2,
    );
    expect(cf[1]).toBeCloseTo(100 / 1.01, 10);
    expect(cf[2]).toBeCloseTo(100 / 1.01 + 100 / 1.01 ** 2, 10);
  });

  it('takes NPV at the horizon', () => {
    // Annuity: 100 · (1 − 1.01^−12) / 0.01.
    const annuity = (100 * (1 - 1.01 ** -12)) / 0.01;
    const npv = npvUsd(inputs({ requestsPerMonth: 100, yearlyDiscountRate: 0.12 }));
    expect(npv).toBeCloseTo(annuity, 9);
    expect(npvUsd(inputs({ requestsPerMonth: 100, investmentUsd: 500, horizonMonths: 24 }))).toBe(
      1900,
    );
  });
});

describe('payback', () => {
  it('interpolates within the month: −100 before, +200 after → a third of month 4', () => {
    const p = paybackOf({ requestsPerMonth: 300, investmentUsd: 1000 });
    expect(p.kind).toBe('month');
    expect(p.kind === 'month' && p.months).toBeCloseTo(3 + 100 / 300, 12);
  });

  it('lands on a whole month when the cash flow reaches exactly zero', () => {
    const p = paybackOf({ requestsPerMonth: 300, investmentUsd: 900 });
    expect(p).toEqual({ kind: 'month', months: 3 });
  });

  it('looks past the horizon, up to 120 months', () => {
    const p = paybackOf({ requestsPerMonth: 100, investmentUsd: 5000 });
    expect(p).toEqual({ kind: 'month', months: 50 });
    expect(paybackOf({ requestsPerMonth: 100, investmentUsd: 12_000.5 })).toEqual({
      kind: 'never',
      searchedMonths: 120,
    });
  });

  it('is immediate with no investment and a profitable first month', () => {
    expect(paybackOf({ requestsPerMonth: 10 })).toEqual({ kind: 'month', months: 0 });
  });

  it('is never when every month loses money', () => {
    expect(paybackOf({ requestsPerMonth: 10, studentFixedMonthlyUsd: 11 }).kind).toBe('never');
  });

  it('waits for growth to turn a loss into a profit', () => {
    // S = 100·1.5^(t−1) − 150: −50, 0, 75 → CF −50, −50, +25 → 2 + 50/75 months.
    const p = paybackOf({ requestsPerMonth: 100, monthlyGrowth: 0.5, studentFixedMonthlyUsd: 150 });
    expect(p.kind === 'month' && p.months).toBeCloseTo(2 + 50 / 75, 12);
  });
});

describe('ROI over the horizon', () => {
  it('is (Σ S − I) / I', () => {
    expect(roiOverHorizon(usd(5802), usd(4156))).toEqual({
      kind: 'ratio',
      value: (5802 - 4156) / 4156,
    });
  });

  it('is undefined, not infinite, without investment, and carries the saving instead', () => {
    expect(roiOverHorizon(usd(1200), usd(0))).toEqual({
      kind: 'undefined',
      reason: 'noInvestment',
      totalSavingUsd: 1200,
    });
  });
});

describe('cash flow headline (the Monte Carlo kernel)', () => {
  it('matches monthFigures, the cumulative series and payback bit for bit', () => {
    const cases = [
      inputs({ requestsPerMonth: 300, investmentUsd: 1000 }),
      inputs({ requestsPerMonth: 123.4, monthlyGrowth: 0.07, yearlyDiscountRate: 0.11 }),
      inputs({ requestsPerMonth: 50, studentFixedMonthlyUsd: 60, horizonMonths: 36 }),
      inputs({ requestsPerMonth: 900, monthlyGrowth: -0.1, investmentUsd: 20_000 }),
      inputs({ qualityCostPerRequestUsd: 0.3, studentCostPerRequestUsd: 0.2, investmentUsd: 1 }),
    ];
    for (const i of cases) {
      const cf = cumulativeCashFlowUsd(i, i.horizonMonths);
      const h = cashFlowHeadline(i);
      expect(h.firstMonthSavingUsd).toBe(monthFigures(i, 1).savingUsd);
      expect(h.npvUsd).toBe(cf[i.horizonMonths]);
      expect(h.paysBackWithinHorizon).toBe(paybackFromCashFlow(cf).kind === 'month');
    }
  });

  it('refuses tables made for another growth, rate or a shorter horizon', () => {
    const i = inputs({ monthlyGrowth: 0.02, yearlyDiscountRate: 0.1, horizonMonths: 24 });
    expect(() => cashFlowHeadline(i, cashFlowTables(0.02, 0.1, 12))).toThrow(RangeError);
    expect(() => cashFlowHeadline(i, cashFlowTables(0, 0.1, 24))).toThrow(RangeError);
    expect(() => cashFlowHeadline(i, cashFlowTables(0.02, 0, 24))).toThrow(RangeError);
    expect(cashFlowHeadline(i, cashFlowTables(0.02, 0.1, 36))).toEqual(cashFlowHeadline(i));
  });
});
