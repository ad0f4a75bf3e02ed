/** Break-even volume V* at constant volume (roi-model.md §4). */
import { requests, type Requests } from '../units';
import type { RoiInputs } from './roiInputs';

export type BreakEven =
  { kind: 'volume'; requestsPerMonth: Requests } | { kind: 'none'; reason: string };

/**
 * V* = (F_S + I / H) / (c_T − c_S' − (f_S − f_T) · c_f): the monthly volume at which the
 * student's total over the horizon, investment included, equals the teacher's. A denominator
 * ≤ 0 means each request costs at least as much on the student, so no volume pays back.
 */
export function breakEvenVolume(
  inputs: Pick<
    RoiInputs,
    | 'teacherCostPerRequestUsd'
    | 'studentCostPerRequestUsd'
    | 'qualityCostPerRequestUsd'
    | 'studentFixedMonthlyUsd'
    | 'investmentUsd'
    | 'horizonMonths'
  >,
): BreakEven {
  const margin =
    inputs.teacherCostPerRequestUsd -
    inputs.studentCostPerRequestUsd -
    inputs.qualityCostPerRequestUsd;
  if (!(margin > 0)) {
    return {
      kind: 'none',
      reason:
        'Each request costs at least as much on the student (quality cost included) as on the teacher, so no volume pays back.',
    };
  }
  const fixed = inputs.studentFixedMonthlyUsd + inputs.investmentUsd / inputs.horizonMonths;
  return { kind: 'volume', requestsPerMonth: requests(fixed / margin) };
}
