/**
 * Data for the two ROI charts. The cost-vs-volume lines are drawn so that they cross exactly
 * at the break-even volume: the student's line carries the investment spread over the horizon
 * and the quality cost, as V* does.
 */
import { requests, usd, type Requests, type Usd } from '../units';
import type { BreakEven } from './breakEven';
import type { Payback } from './cashFlow';
import type { RoiInputs } from './roiInputs';

export interface CostVsVolumePoint {
  requestsPerMonth: Requests;
  teacherUsd: Usd;
  studentUsd: Usd;
}

export interface CostVsVolumeSeries {
  points: CostVsVolumePoint[];
  currentRequestsPerMonth: Requests;
  /** Both costs at today's volume, for the chart's marker and its table. */
  current: CostVsVolumePoint;
  breakEven: { requestsPerMonth: Requests; monthlyUsd: Usd } | null;
  studentLineIncludes: string;
}

export interface CashFlowSeries {
  /** CF(0..n): month 0 is the investment. Runs past the horizon to show a later payback. */
  points: { month: number; cumulativeUsd: Usd }[];
  horizonMonths: number;
  payback: { months: number; cumulativeUsd: Usd } | null;
}

const VOLUME_POINTS = 41;

const teacherAt = (i: RoiInputs, v: number) => usd(v * i.teacherCostPerRequestUsd);
const studentAt = (i: RoiInputs, v: number) =>
  usd(
    i.studentFixedMonthlyUsd +
      i.investmentUsd / i.horizonMonths +
      v * (i.studentCostPerRequestUsd + i.qualityCostPerRequestUsd),
  );

export function costVsVolumeSeries(inputs: RoiInputs, breakEven: BreakEven): CostVsVolumeSeries {
  const current = inputs.requestsPerMonth;
  const star = breakEven.kind === 'volume' ? breakEven.requestsPerMonth : 0;
  // Wide enough to show both today's volume and the crossing, never a zero-width axis.
  const maxVolume = Math.max(2 * current, 1.5 * star, 1);
  const points: CostVsVolumePoint[] = [];
  for (let k = 0; k < VOLUME_POINTS; k += 1) {
    const v = (maxVolume * k) / (VOLUME_POINTS - 1);
    points.push({
      requestsPerMonth: requests(v),
      teacherUsd: teacherAt(inputs, v),
      studentUsd: studentAt(inputs, v),
    });
  }
  return {
    points,
    currentRequestsPerMonth: current,
    current: {
      requestsPerMonth: current,
      teacherUsd: teacherAt(inputs, current),
      studentUsd: studentAt(inputs, current),
    },
    breakEven:
      breakEven.kind === 'volume'
        ? { requestsPerMonth: breakEven.requestsPerMonth, monthlyUsd: teacherAt(inputs, star) }
        : null,
    studentLineIncludes:
      'fixed monthly cost, the investment spread over the horizon, per-request cost and quality cost',
  };
}

export function cashFlowSeries(
  cumulativeUsd: readonly Usd[],
  horizonMonths: number,
  payback: Payback,
): CashFlowSeries {
  const paybackMonths = payback.kind === 'month' ? payback.months : null;
  const last = Math.min(
    cumulativeUsd.length - 1,
    Math.max(horizonMonths, paybackMonths === null ? 0 : Math.ceil(paybackMonths)),
  );
  return {
    points: cumulativeUsd.slice(0, last + 1).map((cumulative, month) => ({
      month,
      cumulativeUsd: cumulative,
    })),
    horizonMonths,
    payback: paybackMonths === null ? null : { months: paybackMonths, cumulativeUsd: usd(0) },
  };
}
