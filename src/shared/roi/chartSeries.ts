/**
 * Data for the two ROI charts. The cost-vs-volume lines are drawn so that they cross exactly
 * at the break-even volume: the student's line carries the investment spread over the horizon
 * and the quality cost, as V* does.
 */
import { requests, usd, type Requests, type Usd } from '../units';
import type { BreakEven } from './breakEven';
import { unitsForVolume } from './capacity';
import { studentCostAtVolume, type Payback } from './cashFlow';
import type { RoiInputs } from './roiInputs';

export interface CostVsVolumePoint {
  requestsPerMonth: Requests;
  teacherUsd: Usd;
  studentUsd: Usd;
  /** Provisioned units at this volume when they follow it; absent otherwise. */
  modelUnits?: number;
}

export interface CostVsVolumeSeries {
  points: CostVsVolumePoint[];
  currentRequestsPerMonth: Requests;
  /** Both costs at today's volume, for the chart's marker and its table. */
  current: CostVsVolumePoint;
  breakEven: { requestsPerMonth: Requests; monthlyUsd: Usd } | null;
  studentLineIncludes: string;
  /** True when the student's line steps up where another provisioned unit is bought. */
  stepped: boolean;
}

export interface CashFlowSeries {
  /** CF(0..n): month 0 is the investment. Runs past the horizon to show a later payback. */
  points: { month: number; cumulativeUsd: Usd }[];
  horizonMonths: number;
  payback: { months: number; cumulativeUsd: Usd } | null;
}

const VOLUME_POINTS = 41;
/** More unit steps than this in view are drawn as a sampled line: each would be under a pixel. */
const MAX_DRAWN_STEPS = 200;

const teacherAt = (i: RoiInputs, v: number) => usd(v * i.teacherCostPerRequestUsd);
const studentAt = (i: RoiInputs, v: number) =>
  usd(
    studentCostAtVolume(i, v) + i.investmentUsd / i.horizonMonths + v * i.qualityCostPerRequestUsd,
  );

const pointAt = (i: RoiInputs, v: number): CostVsVolumePoint => ({
  requestsPerMonth: requests(v),
  teacherUsd: teacherAt(i, v),
  studentUsd: studentAt(i, v),
  ...(i.capacity ? { modelUnits: unitsForVolume(i.capacity, v) } : {}),
});

/** Volumes where a unit is added: the last volume k units carry, and just above it. */
function stepVolumes(i: RoiInputs, maxVolume: number): number[] {
  const c = i.capacity;
  if (!c || !Number.isFinite(c.requestsPerUnitMonth)) return [];
  const first = Math.max(c.minUnits, 1);
  const last = Math.floor(maxVolume / c.requestsPerUnitMonth);
  if (last - first + 1 > MAX_DRAWN_STEPS) return [];
  const out: number[] = [];
  for (let k = first; k <= last; k += 1) {
    const edge = k * c.requestsPerUnitMonth;
    out.push(edge, edge * (1 + 1e-9));
  }
  return out;
}

export function costVsVolumeSeries(inputs: RoiInputs, breakEven: BreakEven): CostVsVolumeSeries {
  const current = inputs.requestsPerMonth;
  const star = breakEven.kind === 'volume' ? breakEven.requestsPerMonth : 0;
  // Wide enough to show both today's volume and the crossing, never a zero-width axis.
  const maxVolume = Math.max(2 * current, 1.5 * star, 1);
  const volumes: number[] = [];
  for (let k = 0; k < VOLUME_POINTS; k += 1) volumes.push((maxVolume * k) / (VOLUME_POINTS - 1));
  const steps = stepVolumes(inputs, maxVolume);
  volumes.push(...steps.filter((v) => v <= maxVolume));
  volumes.sort((a, b) => a - b);
  const points = volumes.map((v) => pointAt(inputs, v));
  return {
    points,
    currentRequestsPerMonth: current,
    current: pointAt(inputs, current),
    breakEven:
      breakEven.kind === 'volume'
        ? { requestsPerMonth: breakEven.requestsPerMonth, monthlyUsd: teacherAt(inputs, star) }
        : null,
    studentLineIncludes: inputs.capacity
      ? 'provisioned units for the volume (stepping up as each unit fills), storage, the investment spread over the horizon and quality cost'
      : 'fixed monthly cost, the investment spread over the horizon, per-request cost and quality cost',
    stepped: Boolean(inputs.capacity),
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
