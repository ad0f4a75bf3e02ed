/**
 * Descriptive statistics shared by the quality, latency and ROI screens. Percentiles follow
 * numpy's default (`method='linear'`) so that a figure in a report can be reproduced with
 * `np.percentile` by anyone checking our numbers.
 */

/** A value that may be absent: a failed call has no latency, an unscored paragraph no score. */
export type MaybeNumber = number | null | undefined;

/** True for a usable number; null, undefined and NaN all mean "no measurement". */
export function isPresent(value: MaybeNumber): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/** The present values, in order. */
export function presentValues(values: readonly MaybeNumber[]): number[] {
  return values.filter(isPresent);
}

function requireNonEmpty(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what} of an empty list is undefined`);
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Arithmetic mean; throws on an empty list rather than returning NaN into a report. */
export function mean(values: readonly number[]): number {
  requireNonEmpty(values, 'mean');
  return sum(values) / values.length;
}

/** Mean of the present values, or null when there are none. */
export function meanOrNull(values: readonly MaybeNumber[]): number | null {
  const present = presentValues(values);
  return present.length === 0 ? null : mean(present);
}

/**
 * numpy's `_lerp`: for t ≥ 0.5 it interpolates from the upper end, which keeps results exact
 * at t = 1 and makes our doubles equal numpy's bit for bit.
 */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Percentile of an already ascending-sorted list, `p` in [0, 100]. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  requireNonEmpty(sorted, 'percentile');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const position = (sorted.length - 1) * (p / 100);
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lerp(lower, upper, position - below);
}

const ascending = (a: number, b: number): number => a - b;

/** `np.percentile(values, p)` with the default linear method; `p` in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted([...values].sort(ascending), p);
}

/** Several percentiles with one sort. */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = [...values].sort(ascending);
  return ps.map((p) => percentileOfSorted(sorted, p));
}

export const median = (values: readonly number[]): number => percentile(values, 50);
export const p50 = median;
export const p95 = (values: readonly number[]): number => percentile(values, 95);

// Acklam's coefficients, highest power first.
const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  1,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACKLAM_D = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1,
];
const ACKLAM_TAIL = 0.02425;

const horner = (coefficients: readonly number[], x: number): number =>
  coefficients.reduce((acc, c) => acc * x + c, 0);

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below
 * 1.2e-9), so Wilson intervals work at any confidence level, not just a hard-coded 1.96.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs p in (0, 1), got ${p}`);
  const tail = (q: number): number => horner(ACKLAM_C, q) / horner(ACKLAM_D, q);
  if (p < ACKLAM_TAIL) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - ACKLAM_TAIL) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (horner(ACKLAM_A, r) * q) / horner(ACKLAM_B, r);
}
