/**
 * Monte Carlo over the scenario (roi-model.md §5): per-request tokens from bootstrap means of
 * the measured runs, failure shares from their bootstrap distributions, volume from a triangular
 * distribution. Everything flows from one seeded generator in a fixed order, so a report can be
 * reproduced exactly from (scenario, options).
 */
import { bootstrapColumnMeans } from '../metrics/bootstrap';
import { createRng, sampleTriangular } from '../metrics/random';
import { percentiles } from '../metrics/statistics';
import { fraction, requests, tokens } from '../units';
import { cumulativeCashFlowUsd, monthFigures, paybackFromCashFlow } from './cashFlow';
import { histogram, type HistogramBin } from './histogram';
import { deriveRoiInputs } from './roiInputs';
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
  histogramBins?: number;
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
  varied: ('teacherTokens' | 'studentTokens' | 'failureShares' | 'volume')[];
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

type TokenMeans = { input: number[]; output: number[] } | null;

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
}

export function monteCarlo(s: Scenario, options: MonteCarloOptions): MonteCarloResult {
  validate(options);
  const { draws, seed } = options;
  const rng = createRng(seed);
  // Sub-seeds are always drawn, so adding one input does not reshuffle the others' draws.
  const teacherSeed = rng.nextUint32();
  const studentSeed = rng.nextUint32();
  const replicates = Math.min(draws, MAX_TOKEN_REPLICATES);
  const teacherTokens = tokenReplicates(options.tokenSamples?.teacher, replicates, teacherSeed);
  const studentTokens = tokenReplicates(options.tokenSamples?.student, replicates, studentSeed);
  const shares = options.failureShareDraws;
  const volume = options.volume;

  const savings = new Array<number>(draws);
  const npvs = new Array<number>(draws);
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
    const inputs = deriveRoiInputs({
      ...s,
      teacher,
      student,
      quality,
      volume: { ...s.volume, requestsPerMonth },
    });
    const cf = cumulativeCashFlowUsd(inputs, inputs.horizonMonths);
    savings[i] = monthFigures(inputs, 1).savingUsd;
    npvs[i] = cf[inputs.horizonMonths] ?? 0;
    if (paybackFromCashFlow(cf).kind === 'month') paybacks += 1;
  }

  const [sp5, sp50, sp95] = percentiles(savings, [5, 50, 95]) as [number, number, number];
  const [np5, np50, np95] = percentiles(npvs, [5, 50, 95]) as [number, number, number];
  const bins = options.histogramBins ?? 20;
  const varied: MonteCarloResult['varied'] = [];
  if (teacherTokens) varied.push('teacherTokens');
  if (studentTokens) varied.push('studentTokens');
  if (shares) varied.push('failureShares');
  if (volume) varied.push('volume');
  return {
    draws,
    seed,
    varied,
    monthlySavingUsd: { p5: sp5, p50: sp50, p95: sp95 },
    npvUsd: { p5: np5, p50: np50, p95: np95 },
    probabilityPaybackWithinHorizon: paybacks / draws,
    histograms: { monthlySavingUsd: histogram(savings, bins), npvUsd: histogram(npvs, bins) },
  };
}
