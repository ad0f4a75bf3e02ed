/** Monthly figures, cumulative discounted cash flow, NPV, payback and ROI (docs/roi-model.md §4). */
import {
  months,
  usd,
  usdPerMonth,
  type Months,
  type Requests,
  type Usd,
  type UsdPerMonth,
} from '../units';
import { unitsForVolume } from './capacity';
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
  /** Provisioned units bought this month when they follow the volume; null otherwise. */
  modelUnits?: number | null;
}

/**
 * S = C_T − C_S − Q at one month's volume, with no objects made: the one home of this
 * arithmetic, which monthFigures and the Monte Carlo's headline both use, so their figures agree
 * bit for bit.
 */
function savingAtVolume(inputs: RoiInputs, volume: number): number {
  const teacher = volume * inputs.teacherCostPerRequestUsd;
  const student = studentCostAtVolume(inputs, volume);
  const quality = volume * inputs.qualityCostPerRequestUsd;
  return teacher - student - quality;
}

/** C_S at one month's volume: per-request cost, fixed cost and the units that volume needs. */
export function studentCostAtVolume(inputs: RoiInputs, volume: number): number {
  const c = inputs.capacity;
  const units = c ? unitsForVolume(c, volume) * c.usdPerUnitMonth : 0;
  return volume * inputs.studentCostPerRequestUsd + inputs.studentFixedMonthlyUsd + units;
}

/** C_T(t), C_S(t), Q(t) and S(t) for month t (from 1). */
export function monthFigures(inputs: RoiInputs, month: number): MonthFigures {
  const volume = monthlyVolume(inputs.requestsPerMonth, inputs.monthlyGrowth, month);
  const teacherCostUsd = teacherMonthlyCostUsd(volume, inputs.teacherCostPerRequestUsd);
  const studentCostUsd = usdPerMonth(studentCostAtVolume(inputs, volume));
  const qualityCostUsd = usdPerMonth(volume * inputs.qualityCostPerRequestUsd);
  const savingUsd = usdPerMonth(savingAtVolume(inputs, volume));
  const modelUnits = inputs.capacity ? unitsForVolume(inputs.capacity, volume) : null;
  return { month, volume, teacherCostUsd, studentCostUsd, qualityCostUsd, savingUsd, modelUnits };
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

/**
 * Growth factors (1 + g)^(t − 1) and discount divisors (1 + r/12)^t for t = 0..lastMonth,
 * computed once for many cash flows that share g and r (a Monte Carlo draws neither): `**` was
 * most of a 10,000-draw run's time. Index 0 is unused by the headline but kept so t indexes
 * directly.
 */
export interface CashFlowTables {
  readonly monthlyGrowth: number;
  readonly yearlyDiscountRate: number;
  readonly growth: Float64Array;
  readonly divisor: Float64Array;
}

export function cashFlowTables(
  monthlyGrowth: number,
  yearlyDiscountRate: number,
  lastMonth: number,
): CashFlowTables {
  const growth = new Float64Array(lastMonth + 1);
  const divisor = new Float64Array(lastMonth + 1);
  for (let t = 0; t <= lastMonth; t += 1) {
    // The same expressions as monthlyVolume and discountDivisor, so the values are identical.
    growth[t] = (1 + monthlyGrowth) ** (t - 1);
    divisor[t] = discountDivisor(yearlyDiscountRate, t);
  }
  return { monthlyGrowth, yearlyDiscountRate, growth, divisor };
}

export interface CashFlowHeadline {
  firstMonthSavingUsd: UsdPerMonth;
  /** CF(H). */
  npvUsd: Usd;
  /** Some CF(n) ≥ 0 with 1 ≤ n ≤ H: what paybackFromCashFlow over CF(0..H) calls a month. */
  paysBackWithinHorizon: boolean;
}

/**
 * S(1), NPV and whether payback falls within the horizon, without building the series: all a
 * Monte Carlo draw needs. Same arithmetic, in the same order, as monthFigures and
 * cumulativeCashFlowUsd, so a draw equal to the base scenario reproduces computeRoi exactly.
 */
export function cashFlowHeadline(
  inputs: RoiInputs,
  tables: CashFlowTables = cashFlowTables(
    inputs.monthlyGrowth,
    inputs.yearlyDiscountRate,
    inputs.horizonMonths,
  ),
): CashFlowHeadline {
  const horizon = inputs.horizonMonths;
  if (
    tables.growth.length <= horizon ||
    tables.monthlyGrowth !== inputs.monthlyGrowth ||
    tables.yearlyDiscountRate !== inputs.yearlyDiscountRate
  ) {
    throw new RangeError('cash flow tables do not match these inputs');
  }
  const { growth, divisor } = tables;
  let running = -inputs.investmentUsd;
  let first = 0;
  let paysBack = false;
  for (let t = 1; t <= horizon; t += 1) {
    const saving = savingAtVolume(inputs, inputs.requestsPerMonth * (growth[t] as number));
    if (t === 1) first = saving;
    running += saving / (divisor[t] as number);
    if (running >= 0) paysBack = true;
  }
  return {
    firstMonthSavingUsd: usdPerMonth(first),
    npvUsd: usd(running),
    paysBackWithinHorizon: paysBack,
  };
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
  | {
      kind: 'undefined';
      /** `noInvestment`: I = 0. `negligibleInvestment`: I > 0 but so small the ratio overflows. */
      reason: 'noInvestment' | 'negligibleInvestment';
      totalSavingUsd: Usd;
    };

/**
 * (Σ S(t) − I) / I over the horizon, undiscounted; undefined, never infinite, when I = 0, and
 * said to be so for its true reason when a sub-cent investment makes the ratio overflow.
 */
export function roiOverHorizon(totalSavingUsd: Usd, investmentUsd: Usd): Roi {
  if (!(investmentUsd > 0)) return { kind: 'undefined', reason: 'noInvestment', totalSavingUsd };
  const value = (totalSavingUsd - investmentUsd) / investmentUsd;
  if (!Number.isFinite(value)) {
    return { kind: 'undefined', reason: 'negligibleInvestment', totalSavingUsd };
  }
  return { kind: 'ratio', value };
}
