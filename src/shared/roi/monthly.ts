/**
 * The terms a month's figures are built from (docs/roi-model.md §2): volume, the teacher's cost, a
 * provisioned student's hours, the quality cost per request. A month's figures themselves have
 * one home, `monthFigures` in cashFlow.ts.
 */
import {
  HOURS_PER_MONTH,
  requests,
  usd,
  usdPerMonth,
  type Fraction,
  type Requests,
  type Usd,
  type UsdPerHour,
  type UsdPerMonth,
} from '../units';

/** V_t = V · (1 + g)^(t − 1), month t counted from 1. */
export function monthlyVolume(requestsPerMonth: Requests, monthlyGrowth: number, month: number) {
  return requests(requestsPerMonth * (1 + monthlyGrowth) ** (month - 1));
}

/** C_T(t) = V_t · c_T. */
export function teacherMonthlyCostUsd(volume: Requests, teacherCostPerRequest: Usd): UsdPerMonth {
  return usdPerMonth(volume * teacherCostPerRequest);
}

/** C_S(t) = u · h · 730 + s: a student on provisioned throughput, whatever the volume. */
export function provisionedStudentMonthlyCostUsd(
  modelUnits: number,
  usdPerHourPerUnit: UsdPerHour,
  storage: UsdPerMonth,
): UsdPerMonth {
  return usdPerMonth(modelUnits * usdPerHourPerUnit * HOURS_PER_MONTH + storage);
}

/** (f_S − f_T) · c_f: extra failure cost per request; negative when the student fails less. */
export function qualityCostPerRequestUsd(
  studentFailureShare: Fraction,
  teacherFailureShare: Fraction,
  usdPerFailure: Usd,
): Usd {
  return usd((studentFailureShare - teacherFailureShare) * usdPerFailure);
}
