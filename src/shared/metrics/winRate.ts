import { fraction, type Fraction } from '../units';
import { dropMissingPairs, MIN_PARAGRAPHS, type Insufficient, type Interval } from './bootstrap';
import { normalQuantile, type MaybeNumber } from './statistics';

/**
 * How often the student is at least as good as the teacher, paragraph by paragraph.
 *
 * Interval choice: Wilson score interval, with a tie counted as half a win. Wilson stays inside
 * [0, 1] and does not collapse to a zero-width interval when the student wins every paragraph,
 * which a percentile bootstrap does (every resample of all-wins is all-wins). Treating a tie as
 * half a success gives each paragraph a variance no larger than a Bernoulli trial with the same
 * mean, so the interval errs on the wide side when ties are common.
 */

export type Preference = 'student' | 'teacher' | 'tie';

export interface WinRateOptions {
  readonly confidence?: number;
  /** Score differences within this absolute distance count as ties (default: exact equality). */
  readonly tieTolerance?: number;
}

export interface WinRateEstimate {
  readonly kind: 'estimate';
  readonly n: number;
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
  /** (wins + ties / 2) / n. */
  readonly rate: Fraction;
  readonly ci: { readonly low: Fraction; readonly high: Fraction };
  readonly method: 'wilson';
}

export type WinRateResult = WinRateEstimate | Insufficient;

/** Wilson score interval for `successes` out of `n` (successes may be fractional). */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Win rate from explicit per-paragraph preferences (e.g. a judge's verdicts). */
export function winRateFromPreferences(
  preferences: readonly Preference[],
  options: WinRateOptions = {},
): WinRateResult {
  const n = preferences.length;
  if (n < MIN_PARAGRAPHS) return { kind: 'insufficient', n };
  const wins = preferences.filter((p) => p === 'student').length;
  const ties = preferences.filter((p) => p === 'tie').length;
  const successes = wins + ties / 2;
  const ci = wilsonInterval(successes, n, options.confidence ?? 0.95);
  return {
    kind: 'estimate',
    n,
    wins,
    ties,
    losses: n - wins - ties,
    rate: fraction(successes / n),
    ci: { low: fraction(ci.low), high: fraction(ci.high) },
    method: 'wilson',
  };
}

/** Per-paragraph preference from two aligned score lists (higher is better). */
export function preferencesFromScores(
  teacher: readonly MaybeNumber[],
  student: readonly MaybeNumber[],
  tieTolerance = 0,
): Preference[] {
  const pairs = dropMissingPairs(teacher, student);
  return pairs.student.map((s, i) => {
    const diff = s - (pairs.teacher[i] as number);
    if (Math.abs(diff) <= tieTolerance) return 'tie';
    return diff > 0 ? 'student' : 'teacher';
  });
}

/** Win rate of the student from aligned scores; pairs with a missing side are dropped. */
export function winRateFromScores(
  teacher: readonly MaybeNumber[],
  student: readonly MaybeNumber[],
  options: WinRateOptions = {},
): WinRateResult {
  return winRateFromPreferences(
    preferencesFromScores(teacher, student, options.tieTolerance ?? 0),
    options,
  );
}
