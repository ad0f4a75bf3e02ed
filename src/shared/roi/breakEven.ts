/** Break-even volume V* at constant volume (docs/roi-model.md §4). */
import { UNIT_BOUNDS } from '../pricing/unitSchemas';
import { requests, type Requests } from '../units';
import type { UnitCapacity } from './capacity';
import type { RoiInputs } from './roiInputs';

/** Above V*, with units that follow the volume: does the student stay ahead? */
export type AboveBreakEven =
  | { kind: 'staysAhead' }
  /** At the next unit the student falls behind again, and is ahead again from `aheadAgainAt`. */
  | { kind: 'fallsBehind'; fromRequestsPerMonth: Requests; aheadAgainAt: Requests | null };

export type BreakEven =
  | {
      kind: 'volume';
      requestsPerMonth: Requests;
      /** With units that follow the volume: the units at V* and what happens above it. */
      modelUnits?: number;
      above?: AboveBreakEven;
    }
  | {
      kind: 'none';
      /**
       * `studentCostsMore`: each request costs at least as much on the student.
       * `unitsCostMoreThanTheyCarry`: each provisioned unit costs more than the margin on the
       * requests it carries, so adding volume never catches up.
       * `beyondLargestVolume`: V* would exceed the largest volume the model accepts (§8).
       */
      /** Optional only so that break-evens built by hand before this field still type-check. */
      code?: 'studentCostsMore' | 'unitsCostMoreThanTheyCarry' | 'beyondLargestVolume';
      reason: string;
    };

type BreakEvenInputs = Pick<
  RoiInputs,
  | 'teacherCostPerRequestUsd'
  | 'studentCostPerRequestUsd'
  | 'qualityCostPerRequestUsd'
  | 'studentFixedMonthlyUsd'
  | 'investmentUsd'
  | 'horizonMonths'
> & { capacity?: UnitCapacity | null };

const STUDENT_COSTS_MORE: BreakEven = {
  kind: 'none',
  code: 'studentCostsMore',
  reason:
    'Each request costs at least as much on the student (quality cost included) as on the teacher, so no volume pays back.',
};

const BEYOND: BreakEven = {
  kind: 'none',
  code: 'beyondLargestVolume',
  reason: `The student would pay back only above ${UNIT_BOUNDS.requestsPerMonth.toExponential().replace('e+', 'e')} requests a month, the largest volume the model accepts.`,
};

function volume(
  v: number,
  extra: Omit<Extract<BreakEven, { kind: 'volume' }>, 'kind' | 'requestsPerMonth'> = {},
): BreakEven {
  if (!Number.isFinite(v) || v > UNIT_BOUNDS.requestsPerMonth) return BEYOND;
  return { kind: 'volume', requestsPerMonth: requests(v), ...extra };
}

/**
 * V* = (F_S + I / H) / (c_T − c_S' − (f_S − f_T) · c_f): the monthly volume at which the
 * student's total over the horizon, investment included, equals the teacher's. A margin ≤ 0
 * means each request costs at least as much on the student, so no volume pays back. With units
 * that follow the volume, F_S steps with V and steppedBreakEven finds V* over the steps.
 */
export function breakEvenVolume(inputs: BreakEvenInputs): BreakEven {
  const margin =
    inputs.teacherCostPerRequestUsd -
    inputs.studentCostPerRequestUsd -
    inputs.qualityCostPerRequestUsd;
  if (!(margin > 0)) return STUDENT_COSTS_MORE;
  const fixed = inputs.studentFixedMonthlyUsd + inputs.investmentUsd / inputs.horizonMonths;
  if (inputs.capacity) return steppedBreakEven(margin, fixed, inputs.capacity);
  return volume(fixed / margin);
}

/**
 * With u(V) = max(u_min, ⌈V / R⌉) units at U a month, the student is ahead at V when
 * D(V) = V · m − u(V) · U − F ≥ 0. On the step of k units D rises with V, so the first volume
 * where D ≥ 0 is V_k = (k · U + F) / m on the first k with V_k ≤ k · R, that is with
 * k · (R · m − U) ≥ F (earlier steps having failed, V_k lies above the step's start). Just
 * past k · R the next unit is bought: D(k · R⁺) = k · (R · m − U) − U − F, and the student stays
 * ahead at every larger volume exactly when that is ≥ 0 and R · m ≥ U.
 */
export function steppedBreakEven(margin: number, fixed: number, c: UnitCapacity): BreakEven {
  const { requestsPerUnitMonth: R, usdPerUnitMonth: U, minUnits } = c;
  if (!Number.isFinite(R)) {
    // Requests without tokens never need another unit: the minimum is a fixed cost.
    return volume((minUnits * U + fixed) / margin, {
      modelUnits: minUnits,
      above: { kind: 'staysAhead' },
    });
  }
  const perUnit = R * margin - U;
  let k: number;
  if (minUnits * perUnit >= fixed) {
    k = minUnits;
  } else if (perUnit > 0) {
    k = Math.max(minUnits, Math.ceil(fixed / perUnit));
    // Guard the ceiling against rounding either way: the smallest k ≥ u_min with k·(Rm − U) ≥ F.
    while (k > minUnits && (k - 1) * perUnit >= fixed) k -= 1;
    while (k * perUnit < fixed) k += 1;
  } else {
    return {
      kind: 'none',
      code: 'unitsCostMoreThanTheyCarry',
      reason: `One provisioned unit carries ${Math.round(R).toLocaleString('en-US')} requests a month, which save less than the unit costs, so no volume pays back.`,
    };
  }
  const star = (k * U + fixed) / margin;
  const nextStart = k * R;
  const above: AboveBreakEven =
    perUnit >= 0 && k * perUnit - U - fixed >= 0
      ? { kind: 'staysAhead' }
      : {
          kind: 'fallsBehind',
          fromRequestsPerMonth: requests(nextStart),
          aheadAgainAt: perUnit > 0 ? requests(((k + 1) * U + fixed) / margin) : null,
        };
  return volume(star, { modelUnits: k, above });
}
