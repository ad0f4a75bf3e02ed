import { fraction, type Fraction } from '../units';
import {
  dropMissingPairs,
  MIN_PARAGRAPHS,
  percentileInterval,
  resolveBootstrapOptions,
  type BootstrapOptions,
  type Insufficient,
  type Interval,
  type ResolvedBootstrapOptions,
} from './bootstrap';
import { runPlan, type BootstrapPlan } from './bootstrapPlan';
import { pairedSharesInterval } from './pairedInterval';
import { mean, presentValues, type MaybeNumber } from './statistics';

/**
 * Share of outputs whose quality score falls below a bar (`f_T`, `f_S` in docs/roi-model.md). The
 * bootstrap distribution is returned, not just its interval, because the ROI Monte Carlo draws
 * failure shares from it (docs/roi-model.md §5) instead of assuming a shape.
 */

export interface FailureShareOptions extends BootstrapOptions {
  /** A score strictly below this fails. */
  readonly threshold: number;
}

export interface FailureShareEstimate {
  readonly kind: 'estimate';
  readonly n: number;
  readonly failures: number;
  readonly share: Fraction;
  readonly ci: Interval;
  /** One resampled share per bootstrap resample, in draw order (not sorted). */
  readonly distribution: readonly Fraction[];
  readonly options: ResolvedBootstrapOptions & { readonly threshold: number };
}

export type FailureShareResult = FailureShareEstimate | Insufficient;

const failed =
  (threshold: number) =>
  (score: number): number =>
    score < threshold ? 1 : 0;

function estimate(
  indicators: number[],
  distribution: readonly number[],
  options: ResolvedBootstrapOptions & { readonly threshold: number },
): FailureShareEstimate {
  return {
    kind: 'estimate',
    n: indicators.length,
    failures: indicators.reduce((a, b) => a + b, 0),
    share: fraction(mean(indicators)),
    ci: percentileInterval(distribution, options.confidence),
    distribution: distribution.map(fraction),
    options,
  };
}

/**
 * Failure share of one model. Missing scores are left out rather than counted as failures: an
 * errored call is a reliability problem, reported by the run summary, not a quality score. A
 * caller that wants errors to count as failures can map them to -Infinity first.
 */
export function failureShare(
  scores: readonly MaybeNumber[],
  options: FailureShareOptions,
): FailureShareResult {
  return runPlan(planFailureShare(scores, options));
}

/** failureShare as a plan, to share its resampling pass with others (see BootstrapBatch). */
export function planFailureShare(
  scores: readonly MaybeNumber[],
  options: FailureShareOptions,
): BootstrapPlan<FailureShareResult> {
  const resolved = { ...resolveBootstrapOptions(options), threshold: options.threshold };
  const indicators = presentValues(scores).map(failed(options.threshold));
  const n = indicators.length;
  if (n < MIN_PARAGRAPHS) return { request: null, finish: () => ({ kind: 'insufficient', n }) };
  return {
    request: { columns: [indicators], resamples: resolved.resamples, seed: resolved.seed },
    finish: ([dist]) => estimate(indicators, dist ?? [], resolved),
  };
}

export interface PairedFailureShareEstimate {
  readonly kind: 'estimate';
  readonly n: number;
  readonly teacher: FailureShareEstimate;
  readonly student: FailureShareEstimate;
  /** f_S − f_T, the quantity the quality cost Q(t) multiplies. */
  readonly difference: { readonly value: number; readonly ci: Interval; readonly method: string };
}

export type PairedFailureShareResult = PairedFailureShareEstimate | Insufficient;

/**
 * Failure shares of both models from the same paragraph resamples, so that
 * `teacher.distribution[b]` and `student.distribution[b]` belong together. A Monte Carlo that
 * draws one index b for both keeps their correlation; drawing them independently would
 * overstate the spread of f_S − f_T.
 */
export function pairedFailureShares(
  teacherScores: readonly MaybeNumber[],
  studentScores: readonly MaybeNumber[],
  options: FailureShareOptions,
): PairedFailureShareResult {
  return runPlan(planPairedFailureShares(teacherScores, studentScores, options));
}

/** pairedFailureShares as a plan, to share its resampling pass (see BootstrapBatch). */
export function planPairedFailureShares(
  teacherScores: readonly MaybeNumber[],
  studentScores: readonly MaybeNumber[],
  options: FailureShareOptions,
): BootstrapPlan<PairedFailureShareResult> {
  const resolved = { ...resolveBootstrapOptions(options), threshold: options.threshold };
  const pairs = dropMissingPairs(teacherScores, studentScores);
  const n = pairs.teacher.length;
  if (n < MIN_PARAGRAPHS) return { request: null, finish: () => ({ kind: 'insufficient', n }) };

  const t = pairs.teacher.map(failed(options.threshold));
  const s = pairs.student.map(failed(options.threshold));
  return {
    request: { columns: [t, s], resamples: resolved.resamples, seed: resolved.seed },
    finish: ([tDist, sDist]) => {
      const studentOnly = s.filter((v, i) => v === 1 && t[i] === 0).length;
      const teacherOnly = t.filter((v, i) => v === 1 && s[i] === 0).length;
      const d = pairedSharesInterval(studentOnly, teacherOnly, n, resolved.confidence);
      return {
        kind: 'estimate',
        n,
        teacher: estimate(t, tDist ?? [], resolved),
        student: estimate(s, sDist ?? [], resolved),
        // Paired 0/1 outcomes: an interval that holds at small n (§5), not the bootstrap's.
        difference: { value: mean(s) - mean(t), ci: d.ci, method: d.method },
      };
    },
  };
}
