/**
 * Monte Carlo over the scenario (docs/roi-model.md §5): per-request tokens from bootstrap means of
 * the measured runs, failure shares from their bootstrap distributions, volume from a triangular
 * distribution, and, where the analyst sets a range, each side's prices (the tier and batch
 * uncertainty) and the engineering cost as triangular factors around 1. Everything flows from one
 * seeded generator in a fixed order, so a report can be reproduced exactly from (scenario,
 * options); the newer draws come last, so leaving them out does not reshuffle the others.
 */
import { bootstrapColumnMeans } from '../metrics/columnMeans';
import { createRng, sampleTriangular } from '../metrics/random';
import { percentileOfSorted } from '../metrics/statistics';
import { fraction, requests, tokens } from '../units';
import { cashFlowHeadline, cashFlowTables } from './cashFlow';
import { histogram, type HistogramBin } from './histogram';
import { deriveRoiInputs } from './roiInputs';
import { studentPricedBy, teacherPricedBy } from './priceFactors';
import type { Scenario } from './scenario';

/** One measured call's usage as Bedrock reported it. */
export interface TokenSample {
  inputTokens: number;
  outputTokens: number;
}

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Measured runs per model; their bootstrapped means replace the scenario's token means. */
  tokenSamples?: { teacher?: readonly TokenSample[]; student?: readonly TokenSample[] };
  /**
   * The same bootstrapped means, made beforehand by prepareTokenReplicates with this seed and
   * draw count. They depend on the runs and the seed only, not on the scenario, so a screen
   * that reruns on every slider move makes them once per experiment (the resampling is
   * B · n work, about a second for 10,000 runs); the result is identical either way.
   */
  preparedTokens?: PreparedTokens;
  /**
   * Bootstrap distributions of f_T and f_S. `paired`: index b of one belongs with index b of the
   * other (same paragraph resample), so both are read at the same index. No teacher draws (a
   * metric scored against the teacher itself) keeps the scenario's f_T.
   */
  failureShareDraws?: {
    teacher?: readonly number[] | null;
    student: readonly number[];
    paired: boolean;
  };
  volume?: { low: number; mode: number; high: number };
  /**
   * Factors on each side's prices, triangular with mode 1: e.g. { low: 0.5, high: 1.75 } when
   * the tier (flex … priority) or the batch share is not settled. The teacher's cover its
   * per-token prices; the student's also its custom-model rates and provisioned hourly rate.
   */
  priceFactors?: { teacher?: FactorRange; student?: FactorRange };
  /** A factor on the engineering cost E (hours), triangular: projects overrun more than not. */
  engineeringFactor?: { low: number; mode: number; high: number };
  histogramBins?: number;
}

/** A triangular factor around 1: low ≤ 1 ≤ high. */
export interface FactorRange {
  low: number;
  high: number;
}

export interface Percentiles {
  p5: number;
  p50: number;
  p95: number;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** Which inputs were drawn; the rest stayed at the scenario's values. */
  varied: (
    | 'teacherTokens'
    | 'studentTokens'
    | 'failureShares'
    | 'volume'
    | 'teacherPrices'
    | 'studentPrices'
    | 'engineeringCost'
  )[];
  monthlySavingUsd: Percentiles;
  npvUsd: Percentiles;
  probabilityPaybackWithinHorizon: number;
  histograms: { monthlySavingUsd: HistogramBin[]; npvUsd: HistogramBin[] };
}

/**
 * Bootstrap replicates of the mean tokens are pooled: B · n work instead of draws · n, which
 * keeps 10,000 draws over 10,000 runs well under a second. Draw i uses replicate i mod B, so
 * with draws ≤ B every draw has its own replicate.
 */
const MAX_TOKEN_REPLICATES = 1000;
const MAX_DRAWS = 1_000_000;

type TokenMeans = { input: readonly number[]; output: readonly number[] } | null;

/** Bootstrapped mean tokens per request of each model, for one (seed, draws). */
export interface PreparedTokens {
  seed: number;
  replicates: number;
  teacher: TokenMeans;
  student: TokenMeans;
}

export const tokenReplicateCount = (draws: number): number => Math.min(draws, MAX_TOKEN_REPLICATES);

function tokenReplicates(
  samples: readonly TokenSample[] | undefined,
  replicates: number,
  seed: number,
): TokenMeans {
  if (!samples || samples.length === 0) return null;
  const [input, output] = bootstrapColumnMeans(
    [samples.map((s) => s.inputTokens), samples.map((s) => s.outputTokens)],
    replicates,
    seed,
  ) as [number[], number[]];
  return { input, output };
}

/**
 * The generator's first two outputs seed the two models' resampling; they are always drawn, so
 * adding one input does not reshuffle the others' draws.
 */
function subSeeds(seed: number) {
  const rng = createRng(seed);
  return { rng, teacherSeed: rng.nextUint32(), studentSeed: rng.nextUint32() };
}

export function prepareTokenReplicates(
  samples: NonNullable<MonteCarloOptions['tokenSamples']>,
  options: { draws: number; seed: number },
): PreparedTokens {
  const { teacherSeed, studentSeed } = subSeeds(options.seed);
  const replicates = tokenReplicateCount(options.draws);
  return {
    seed: options.seed,
    replicates,
    teacher: tokenReplicates(samples.teacher, replicates, teacherSeed),
    student: tokenReplicates(samples.student, replicates, studentSeed),
  };
}

function validate(o: MonteCarloOptions): void {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > MAX_DRAWS) {
    throw new RangeError(`draws must be an integer in [1, ${MAX_DRAWS}], got ${o.draws}`);
  }
  const f = o.failureShareDraws;
  if (f && (f.student.length === 0 || f.teacher?.length === 0)) {
    throw new RangeError('failure share draws must not be empty');
  }
  if (f?.paired && f.teacher && f.teacher.length !== f.student.length) {
    throw new RangeError('paired failure share draws must have the same length');
  }
  const factor = (name: string, r: { low: number; mode?: number; high: number } | undefined) => {
    if (!r) return;
    const mode = r.mode ?? 1;
    if (
      ![r.low, mode, r.high].every(Number.isFinite) ||
      r.low < 0 ||
      r.low > mode ||
      mode > r.high
    ) {
      throw new RangeError(`${name} needs 0 ≤ low ≤ ${r.mode === undefined ? '1' : 'mode'} ≤ high`);
    }
    if (r.high > 100) throw new RangeError(`${name}.high must be at most 100`);
  };
  factor('priceFactors.teacher', o.priceFactors?.teacher);
  factor('priceFactors.student', o.priceFactors?.student);
  factor('engineeringFactor', o.engineeringFactor);
  const p = o.preparedTokens;
  if (p && (o.tokenSamples || p.seed !== o.seed || p.replicates !== tokenReplicateCount(o.draws))) {
    throw new RangeError(
      'prepared tokens must come from this seed and draw count, without samples',
    );
  }
}

/** P5 / P50 / P95 after one typed-array sort (numeric, no comparator calls). */
function percentilesOf(values: Float64Array): Percentiles {
  const sorted = Array.from(values.sort());
  return {
    p5: percentileOfSorted(sorted, 5),
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
  };
}

export function monteCarlo(s: Scenario, options: MonteCarloOptions): MonteCarloResult {
  validate(options);
  const { draws, seed } = options;
  const { rng, teacherSeed, studentSeed } = subSeeds(seed);
  const replicates = tokenReplicateCount(draws);
  const prepared = options.preparedTokens;
  const teacherTokens = prepared
    ? prepared.teacher
    : tokenReplicates(options.tokenSamples?.teacher, replicates, teacherSeed);
  const studentTokens = prepared
    ? prepared.student
    : tokenReplicates(options.tokenSamples?.student, replicates, studentSeed);
  const shares = options.failureShareDraws;
  const volume = options.volume;
  const teacherPrice = options.priceFactors?.teacher;
  const studentPrice = options.priceFactors?.student;
  const engineering = options.engineeringFactor;
  // Growth and the discount rate are never drawn: one table serves every draw.
  const tables = cashFlowTables(
    s.volume.monthlyGrowth,
    s.finance.yearlyDiscountRate,
    s.finance.horizonMonths,
  );

  const savings = new Float64Array(draws);
  const npvs = new Float64Array(draws);
  let paybacks = 0;
  for (let i = 0; i < draws; i += 1) {
    const r = i % replicates;
    let teacher = s.teacher;
    let student = s.student;
    let quality = s.quality;
    let requestsPerMonth = s.volume.requestsPerMonth;
    if (teacherTokens) {
      teacher = {
        ...teacher,
        inputTokensPerRequest: tokens(teacherTokens.input[r] ?? 0),
        outputTokensPerRequest: tokens(teacherTokens.output[r] ?? 0),
      };
    }
    if (studentTokens) {
      student = {
        ...student,
        inputTokensPerRequest: tokens(studentTokens.input[r] ?? 0),
        outputTokensPerRequest: tokens(studentTokens.output[r] ?? 0),
      };
    }
    if (shares) {
      const u = rng.nextInt(shares.student.length);
      const teacherDraws = shares.teacher;
      const t = teacherDraws && !shares.paired ? rng.nextInt(teacherDraws.length) : u;
      quality = {
        ...quality,
        teacherFailureShare: teacherDraws
          ? fraction(teacherDraws[t] ?? 0)
          : quality.teacherFailureShare,
        studentFailureShare: fraction(shares.student[u] ?? 0),
      };
    }
    if (volume) {
      requestsPerMonth = requests(sampleTriangular(rng, volume.low, volume.mode, volume.high));
    }
    let hours = s.engineering.hours;
    if (teacherPrice) {
      teacher = teacherPricedBy(
        teacher,
        sampleTriangular(rng, teacherPrice.low, 1, teacherPrice.high),
      );
    }
    if (studentPrice) {
      student = studentPricedBy(
        student,
        sampleTriangular(rng, studentPrice.low, 1, studentPrice.high),
      );
    }
    if (engineering) {
      hours *= sampleTriangular(rng, engineering.low, engineering.mode, engineering.high);
    }
    const inputs = deriveRoiInputs({
      ...s,
      teacher,
      student,
      quality,
      volume: { ...s.volume, requestsPerMonth },
      engineering: { ...s.engineering, hours },
    });
    const headline = cashFlowHeadline(inputs, tables);
    savings[i] = headline.firstMonthSavingUsd;
    npvs[i] = headline.npvUsd;
    if (headline.paysBackWithinHorizon) paybacks += 1;
  }

  const bins = options.histogramBins ?? 20;
  const varied: MonteCarloResult['varied'] = [];
  if (teacherTokens) varied.push('teacherTokens');
  if (studentTokens) varied.push('studentTokens');
  if (shares) varied.push('failureShares');
  if (volume) varied.push('volume');
  if (teacherPrice) varied.push('teacherPrices');
  if (studentPrice) varied.push('studentPrices');
  if (engineering) varied.push('engineeringCost');
  // Histograms before percentiles: percentilesOf sorts in place, and bins ignore order.
  const histograms = { monthlySavingUsd: histogram(savings, bins), npvUsd: histogram(npvs, bins) };
  return {
    draws,
    seed,
    varied,
    monthlySavingUsd: percentilesOf(savings),
    npvUsd: percentilesOf(npvs),
    probabilityPaybackWithinHorizon: paybacks / draws,
    histograms,
  };
}
