import { pairedTInterval } from './pairedInterval';
import { runPlan, type BootstrapPlan } from './bootstrapPlan';
import { isPresent, mean, percentileOfSorted, type MaybeNumber } from './statistics';

/**
 * Seeded percentile bootstrap over paragraphs. Resampling is paired: one draw of paragraph
 * indices serves the teacher and the student alike, because both answered the same paragraphs
 * and paragraph difficulty is the largest source of variance. Comparing two independently
 * resampled means would throw that pairing away and give needlessly wide intervals.
 */

/** Printed beside intervals that come from resampling paragraphs. */
export const PERCENTILE_BOOTSTRAP_METHOD = 'percentile bootstrap over paragraphs';

/** Below this many paragraphs an interval would be noise dressed up as precision. */
export const MIN_PARAGRAPHS = 5;
export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_CONFIDENCE = 0.95;
/** Fixed so that a report regenerated without an explicit seed still shows the same figures. */
export const DEFAULT_SEED = 20240601;

export interface BootstrapOptions {
  readonly seed?: number;
  readonly resamples?: number;
  /** Two-sided confidence level, e.g. 0.95. */
  readonly confidence?: number;
}

export interface ResolvedBootstrapOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly confidence: number;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Returned instead of an interval when fewer than `MIN_PARAGRAPHS` usable paragraphs remain. */
export interface Insufficient {
  readonly kind: 'insufficient';
  readonly n: number;
}

export interface MeanWithCi {
  readonly mean: number;
  readonly ci: Interval;
  /** How the interval was made, to print beside it. */
  readonly method: string;
}

export interface PairedBootstrapEstimate {
  readonly kind: 'estimate';
  /** Paragraphs where both models have a value. */
  readonly n: number;
  readonly teacher: MeanWithCi;
  readonly student: MeanWithCi;
  /** Student minus teacher: negative means the student scores lower. */
  readonly difference: MeanWithCi;
  readonly options: ResolvedBootstrapOptions;
}

export type PairedBootstrapResult = PairedBootstrapEstimate | Insufficient;

export function resolveBootstrapOptions(options: BootstrapOptions = {}): ResolvedBootstrapOptions {
  const resolved = {
    seed: options.seed ?? DEFAULT_SEED,
    resamples: options.resamples ?? DEFAULT_RESAMPLES,
    confidence: options.confidence ?? DEFAULT_CONFIDENCE,
  };
  if (!Number.isInteger(resolved.resamples) || resolved.resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resolved.resamples}`);
  }
  if (!(resolved.confidence > 0 && resolved.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${resolved.confidence}`);
  }
  return resolved;
}

/**
 * Keeps only the paragraphs where both sides have a value. A paragraph the student failed to
 * answer must not count against the teacher's mean, or the two means would describe different
 * paragraph sets.
 */
export function dropMissingPairs(
  teacher: readonly MaybeNumber[],
  student: readonly MaybeNumber[],
): { teacher: number[]; student: number[] } {
  if (teacher.length !== student.length) {
    throw new RangeError(
      `paired values must be aligned by paragraph: ${teacher.length} teacher vs ${student.length} student`,
    );
  }
  const t: number[] = [];
  const s: number[] = [];
  teacher.forEach((tv, i) => {
    const sv = student[i];
    if (isPresent(tv) && isPresent(sv)) {
      t.push(tv);
      s.push(sv);
    }
  });
  return { teacher: t, student: s };
}

/** Percentile-method interval: the central `confidence` share of the bootstrap distribution. */
export function percentileInterval(distribution: readonly number[], confidence: number): Interval {
  const sorted = [...distribution].sort((a, b) => a - b);
  // Via 100 − 100·c rather than (1 − c)·100, so 0.95 yields exactly 2.5, not 2.500000000000002.
  const tail = (100 - confidence * 100) / 2;
  return { low: percentileOfSorted(sorted, tail), high: percentileOfSorted(sorted, 100 - tail) };
}

/**
 * Per-model mean with CI and the student-minus-teacher difference with CI, from values aligned
 * by paragraph (e.g. ROUGE-L F1 per paragraph). Missing values drop the whole pair.
 */
export function pairedBootstrap(
  teacher: readonly MaybeNumber[],
  student: readonly MaybeNumber[],
  options: BootstrapOptions = {},
): PairedBootstrapResult {
  return runPlan(planPairedBootstrap(teacher, student, options));
}

/** pairedBootstrap as a plan, to share its resampling pass with others (see BootstrapBatch). */
export function planPairedBootstrap(
  teacher: readonly MaybeNumber[],
  student: readonly MaybeNumber[],
  options: BootstrapOptions = {},
): BootstrapPlan<PairedBootstrapResult> {
  const resolved = resolveBootstrapOptions(options);
  const pairs = dropMissingPairs(teacher, student);
  const n = pairs.teacher.length;
  if (n < MIN_PARAGRAPHS) return { request: null, finish: () => ({ kind: 'insufficient', n }) };
  const { resamples, seed } = resolved;
  return {
    request: { columns: [pairs.teacher, pairs.student], resamples, seed },
    finish: ([tDist, sDist]) => {
      const differences = pairs.student.map((s, i) => s - (pairs.teacher[i] as number));
      const withCi = (values: number[], dist: readonly number[] | undefined): MeanWithCi => ({
        mean: mean(values),
        ci: percentileInterval(dist ?? [], resolved.confidence),
        method: PERCENTILE_BOOTSTRAP_METHOD,
      });
      return {
        kind: 'estimate',
        n,
        teacher: withCi(pairs.teacher, tDist),
        student: withCi(pairs.student, sDist),
        // The difference is what the decision rests on: an interval that holds at small n (§5).
        difference: pairedTInterval(differences, resolved.confidence),
        options: resolved,
      };
    },
  };
}

export interface BootstrapMeanEstimate {
  readonly kind: 'estimate';
  readonly n: number;
  readonly mean: number;
  readonly ci: Interval;
  readonly options: ResolvedBootstrapOptions;
}

export type BootstrapMeanResult = BootstrapMeanEstimate | Insufficient;

/**
 * Mean and percentile interval of one model's values over paragraphs, for a figure that has no
 * partner to pair with (e.g. a student's ROUGE against the teacher, where the teacher is the
 * target, or a model's own mean over every paragraph it answered). Missing values are skipped.
 */
export function bootstrapMean(
  values: readonly MaybeNumber[],
  options: BootstrapOptions = {},
): BootstrapMeanResult {
  return runPlan(planBootstrapMean(values, options));
}

/** bootstrapMean as a plan, to share its resampling pass with others (see BootstrapBatch). */
export function planBootstrapMean(
  values: readonly MaybeNumber[],
  options: BootstrapOptions = {},
): BootstrapPlan<BootstrapMeanResult> {
  const resolved = resolveBootstrapOptions(options);
  const present = values.filter(isPresent);
  const n = present.length;
  if (n < MIN_PARAGRAPHS) return { request: null, finish: () => ({ kind: 'insufficient', n }) };
  return {
    request: { columns: [present], resamples: resolved.resamples, seed: resolved.seed },
    finish: ([dist]) => ({
      kind: 'estimate',
      n,
      mean: mean(present),
      ci: percentileInterval(dist ?? [], resolved.confidence),
      options: resolved,
    }),
  };
}
