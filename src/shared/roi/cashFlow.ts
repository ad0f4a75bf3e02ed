/** Monthly figures, cumulative discounted cash flow, NPV, payback and ROI (roi-model.md §4). */
import {
  months,
  usd,
  usdPerMonth,
  type Months,
  type Requests,
  type Usd,
  type UsdPerMonth,
} from '../units';
import { monthlyVolume, teacherMonthlyCostUsd } from './monthly';
import type { RoiInputs } from './roiInputs';

/** Payback is searched this far and is "never" beyond it. */
export const PAYBACK_SEARCH_MONTHS = 120;

export interface MonthFigures {
  month: number;
  volume: Requests;
  teacherCostUsd: UsdPerMonth;
  studentCostUsd: UsdPerMonth;
  qualityCostUsd: UsdPerMonth;
  savingUsd: UsdPerMonth;
}

/** C_T(t), C_S(t), Q(t) and S(t) for month t (from 1). */
export function monthFigures(inputs: RoiInputs, month: number): MonthFigures {
  const volume = monthlyVolume(inputs.requestsPerMonth, inputs.monthlyGrowth, month);
  const teacherCostUsd = teacherMonthlyCostUsd(volume, inputs.teacherCostPerRequestUsd);
  const studentCostUsd = usdPerMonth(
    volume * inputs.studentCostPerRequestUsd + inputs.studentFixedMonthlyUsd,
  );
  const qualityCostUsd = usdPerMonth(volume * inputs.qualityCostPerRequestUsd);
  const savingUsd = usdPerMonth(teacherCostUsd - studentCostUsd - qualityCostUsd);
  return { month, volume, teacherCostUsd, studentCostUsd, qualityCostUsd, savingUsd };
}

/** (1 + r/12)^t: the yearly rate r is compounded monthly. */
export function discountDivisor(yearlyDiscountRate: number, month: number): number {
  return (1 + yearlyDiscountRate / 12) ** month;
}

/** CF(0..lastMonth) with CF(0) = −I and CF(n) = −I + Σ_{t=1..n} S(t) / (1 + r/12)^t. */
export function cumulativeCashFlowUsd(inputs: RoiInputs, lastMonth: number): Usd[] {
  const cf: Usd[] = [usd(-inputs.investmentUsd)];
  let running = -inputs.investmentUsd;
  for (let t = 1; t <= lastMonth; t += 1) {
    running += monthFigures(inputs, t).savingUsd / discountDivisor(inputs.yearlyDiscountRate, t);
    cf.push(usd(running));
  }
  return cf;
}

/** NPV = CF(H). */
export function npvUsd(inputs: RoiInputs): Usd {
  const cf = cumulativeCashFlowUsd(inputs, inputs.horizonMonths);
  return cf[cf.length - 1] ?? usd(-inputs.investmentUsd);
}

export type Payback = { kind: 'month'; months: Months } | { kind: 'never'; searchedMonths: number };

/**
 * The first month n with CF(n) ≥ 0, interpolated linearly within it: n − 1 plus the part of
 * month n needed to close the gap. With no investment and a first month in profit, that is 0.
 */
export function paybackFromCashFlow(cf: readonly number[]): Payback {
  for (let n = 1; n < cf.length; n += 1) {
    const now = cf[n] ?? Number.NaN;
    const before = cf[n - 1] ?? Number.NaN;
    if (now >= 0) {
      return {
        kind: 'month',
        months: months(before >= 0 ? n - 1 : n - 1 + -before / (now - before)),
      };
    }
  }
  return { kind: 'never', searchedMonths: cf.length - 1 };
}

export type Roi =
  | { kind: 'ratio'; value: number }
  | { kind: 'undefined'; reason: 'noInvestment'; totalSavingUsd: Usd };

/**
 * (Σ S(t) − I) / I over the horizon, undiscounted; undefined, never infinite, when I = 0 (or so
 * close to 0 that the ratio overflows, which only a sub-cent investment can do).
 */
export function roiOverHorizon(totalSavingUsd: Usd, investmentUsd: Usd): Roi {
  const value = (totalSavingUsd - investmentUsd) / investmentUsd;
  if (investmentUsd <= 0 || !Number.isFinite(value)) {
    return { kind: 'undefined', reason: 'noInvestment', totalSavingUsd };
  }
  return { kind: 'ratio', value };
}
