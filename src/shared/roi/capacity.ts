/**
 * Provisioned capacity that grows with volume (docs/roi-model.md §2, §4): u(V) = max(u_min,
 * ⌈need(V) / cap⌉), need(V) = k_peak · V · (in_S + out_S) / (730 · 60). Expressed as requests a
 * month one unit carries, so the cash flow and the stepped break-even share one home for it.
 */
import { HOURS_PER_MONTH } from '../units';

const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

/**
 * A load that is k units' worth up to floating-point noise needs k units, not k + 1: the ratio is
 * rounded down by this relative tolerance before the ceiling.
 */
const STEP_TOLERANCE = 1e-12;

export interface UnitCapacity {
  /** Requests a month one unit carries at the peak factor; Infinity when requests have no tokens. */
  requestsPerUnitMonth: number;
  /** h · 730: what one unit costs a month. */
  usdPerUnitMonth: number;
  /** u_min: units bought whatever the volume. */
  minUnits: number;
}

/** R = cap · 730 · 60 / ((in_S + out_S) · k_peak). */
export function requestsPerUnitMonth(
  capacityTokensPerMinutePerUnit: number,
  tokensPerRequest: number,
  peakFactor: number,
): number {
  const perRequest = tokensPerRequest * peakFactor;
  return perRequest > 0
    ? (capacityTokensPerMinutePerUnit * MINUTES_PER_MONTH) / perRequest
    : Number.POSITIVE_INFINITY;
}

/** ⌈x⌉ with x within 1e-12 relative of an integer taken as that integer. */
export function unitsCeil(x: number): number {
  return Math.ceil(x * (1 - STEP_TOLERANCE));
}

/** u(V) = max(u_min, ⌈V / R⌉). */
export function unitsForVolume(c: UnitCapacity, requestsPerMonth: number): number {
  return Math.max(c.minUnits, unitsCeil(requestsPerMonth / c.requestsPerUnitMonth));
}
