import type { Interval } from './bootstrap';
import { mean, normalQuantile } from './statistics';
import { studentTQuantile } from './studentT';

/**
 * Intervals for paired student-minus-teacher differences that hold on few paragraphs
 * (docs/roi-model.md §5). The percentile bootstrap the app used before under-covers there (about
 * 85 % real coverage for a nominal 95 % at n = 5); Student's t on the per-paragraph differences
 * accounts for estimating the spread from the same few paragraphs. Every interval carries the
 * name of its method so the screen and the report can print it beside the figures.
 */

export const PAIRED_T_METHOD = "Student's t on the paired differences";
export const PAIRED_SHARES_METHOD = 'Bonett–Price adjusted Wald for paired shares';

export interface PairedInterval {
  readonly mean: number;
  readonly ci: Interval;
  readonly method: string;
}

// The quantile costs a bisection; a report or a coverage simulation asks for few distinct ones.
const quantiles = new Map<string, number>();
function tQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    q = studentTQuantile(p, df);
    quantiles.set(key, q);
  }
  return q;
}

/** Mean of paired differences with its two-sided Student's t interval. Needs n ≥ 2. */
export function pairedTInterval(
  differences: readonly number[],
  confidence: number,
): PairedInterval {
  const n = differences.length;
  if (n < 2) throw new RangeError(`a paired t interval needs at least 2 pairs, got ${n}`);
  const m = mean(differences);
  let squares = 0;
  for (const d of differences) squares += (d - m) ** 2;
  const standardError = Math.sqrt(squares / (n - 1) / n);
  const half = tQuantile(1 - (1 - confidence) / 2, n - 1) * standardError;
  return { mean: m, ci: { low: m - half, high: m + half }, method: PAIRED_T_METHOD };
}

/**
 * f_S − f_T for pass/fail outcomes on the same paragraphs. With 0/1 outcomes a t interval
 * collapses to a point whenever both models fail the same paragraphs; Bonett and Price (2012)
 * add one pseudo-observation to each discordant cell, which keeps the interval honest at small n.
 * `studentOnly` counts paragraphs only the student failed, `teacherOnly` only the teacher.
 */
export function pairedSharesInterval(
  studentOnly: number,
  teacherOnly: number,
  n: number,
  confidence: number,
): PairedInterval {
  if (!(n >= 1)) throw new RangeError(`paired shares need at least 1 pair, got ${n}`);
  const ps = (studentOnly + 1) / (n + 2);
  const pt = (teacherOnly + 1) / (n + 2);
  const centre = ps - pt;
  const half =
    normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt((ps + pt - centre ** 2) / (n + 2));
  return {
    mean: (studentOnly - teacherOnly) / n,
    ci: { low: Math.max(-1, centre - half), high: Math.min(1, centre + half) },
    method: PAIRED_SHARES_METHOD,
  };
}
