/**
 * ROI benchmark (`npm run bench`, after the runner's and the report's). A scenario prefilled from
 * an experiment of 10,000 measured runs per model (teacher and two students, with scores), then:
 *
 * - one full recompute, what the what-if screen does on every slider move: parse the draft,
 *   every figure and chart series, the tornado, the three presets, the student recommendation,
 *   and the Monte Carlo's inputs. Goal: under 16 ms, one frame.
 * - the Monte Carlo, 10,000 draws (tokens resampled from the runs, failure shares from their
 *   bootstrap, volume triangular), with the token resampling prepared once per experiment and
 *   seed as the worker does. Goal: under 50 ms. The one-off preparation is reported apart.
 *
 * Figures are medians over many rounds after a warm-up (the screen runs warm code too).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATALOG_ONLY } from '../src/shared/pricing/priceBook';
import {
  computeRoi,
  monteCarlo,
  monteCarloInputsFor,
  prefillFromEvidence,
  prepareTokenReplicates,
  ScenarioSchema,
  startingScenario,
  volumeRange,
  whatIfView,
  type ScenarioInput,
} from '../src/shared/roi';
import { fixtureEvidence, TEACHER } from '../src/shared/roi/testing/evidenceFixture';
import { fraction } from '../src/shared/units';
import { mergeResults } from './benchResults';
import { answerHelp } from './benchHelp';

answerHelp(`Usage: node out/node/bench-roi.cjs   (part of npm run bench)

The what-if screen's full recompute (goal: 16 ms), computeRoi alone (goal: 4 ms) and a
10,000-draw Monte Carlo (goal: 50 ms), over 10,000 measured runs per model.`);

const RUNS = 10_000;
const DRAWS = 10_000;
const RECOMPUTE_GOAL_MS = 16;
const MONTE_CARLO_GOAL_MS = 50;
/** computeRoi alone, the core of a recompute, over 36 months with growth and discounting. */
const COMPUTE_ROI_GOAL_MS = 4;
const STUDENT = 'meta.llama3-8b-instruct-v1:0';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function time(rounds: number, f: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out;
}

/** Varied lengths and scores, like real outputs: a profile with spread, failures now and then. */
const evidence = fixtureEvidence(
  {
    modelId: TEACHER,
    tokens: (i) => ({ input: 400 + ((i * 37) % 300), output: 150 + ((i * 11) % 120) }),
    score: (i) => (i % 23 === 0 ? 2 : 4),
  },
  [
    {
      modelId: STUDENT,
      tokens: (i) => ({ input: 400 + ((i * 37) % 300), output: 130 + ((i * 13) % 110) }),
      score: (i) => (i % 9 === 0 ? 2 : 4),
    },
    {
      modelId: 'amazon.nova-micro-v1:0',
      tokens: (i) => ({ input: 400 + ((i * 37) % 300), output: 110 + ((i * 7) % 90) }),
      score: (i) => (i % 5 === 0 ? 2 : 4),
    },
  ],
  RUNS,
);

function main(): void {
  // The busiest setting: distilled, growing, discounted, over the longest horizon.
  const plan: ScenarioInput = {
    ...startingScenario(),
    volume: { requestsPerMonth: 2_000_000, monthlyGrowth: 0.03 },
    distillation: { kind: 'distill', prompts: 10_000, epochs: 2, trainingUsdPer1kTokens: 0.004 },
    finance: { yearlyDiscountRate: 0.08, horizonMonths: 36 },
  };
  plan.student = { ...plan.student, storageUsdPerMonth: 1.95 };
  const prefillTimes = time(50, () => prefillFromEvidence(plan, evidence, STUDENT, CATALOG_ONLY));
  const draft = prefillFromEvidence(plan, evidence, STUDENT, CATALOG_ONLY).scenario;
  const context = { evidence, priceBook: CATALOG_ONLY, maxFailureShare: fraction(0.15) };

  const recompute = (requests: number) => {
    const s = ScenarioSchema.parse({
      ...draft,
      volume: { ...draft.volume, requestsPerMonth: requests },
    });
    whatIfView(s, context);
    monteCarloInputsFor(s, evidence);
  };
  time(100, () => recompute(2_000_000)); // warm-up
  // A slider sweep: each round a new volume, as a drag produces.
  let k = 0;
  const recomputes = time(400, () => recompute(500_000 + 10_000 * (k++ % 300)));

  const s = ScenarioSchema.parse(draft);
  time(20, () => computeRoi(s)); // warm-up
  const computeRoiTimes = time(200, () => computeRoi(s));
  const inputs = monteCarloInputsFor(s, evidence);
  const options = {
    draws: DRAWS,
    seed: 20240601,
    volume: volumeRange(s, 0.3),
    failureShareDraws: inputs.failureShareDraws,
  };
  const samples = inputs.tokenSamples ?? {};
  const prep = time(3, () => prepareTokenReplicates(samples, options));
  const preparedTokens = prepareTokenReplicates(samples, options);
  time(5, () => monteCarlo(s, { ...options, preparedTokens })); // warm-up
  const mc = time(30, () => monteCarlo(s, { ...options, preparedTokens }));
  const cold = time(3, () => monteCarlo(s, { ...options, tokenSamples: samples }));
  const result = monteCarlo(s, { ...options, preparedTokens });

  const report = {
    runsPerModel: RUNS,
    recomputeMedianMs: round(median(recomputes), 3),
    recomputeP95Ms: round(quantile(recomputes, 0.95), 3),
    prefillMedianMs: round(median(prefillTimes), 2),
    computeRoiMedianMs: round(median(computeRoiTimes), 3),
    monteCarloMedianMs: round(median(mc), 2),
    monteCarloP95Ms: round(quantile(mc, 0.95), 2),
    tokenPrepMedianMs: round(median(prep), 1),
    monteCarloColdMedianMs: round(median(cold), 1),
    varied: result.varied.join(', '),
    monthlySavingP50: round(result.monthlySavingUsd.p50),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  mergeResults(join(process.cwd(), 'bench', 'results.json'), 'roi.', [
    {
      name: 'roi.recompute',
      value: report.recomputeMedianMs,
      unit: 'ms',
      goal: `≤ ${RECOMPUTE_GOAL_MS}: all figures, charts, tornado, presets, recommendation; 10,000 runs per model`,
    },
    {
      name: 'roi.recomputeP95',
      value: report.recomputeP95Ms,
      unit: 'ms',
      goal: `≤ ${RECOMPUTE_GOAL_MS}: the slow end of a slider drag`,
    },
    {
      name: 'roi.computeRoi',
      value: report.computeRoiMedianMs,
      unit: 'ms',
      goal: `≤ ${COMPUTE_ROI_GOAL_MS}: computeRoi alone, 36 months, growth and discounting`,
    },
    {
      name: 'roi.monteCarlo10k',
      value: report.monteCarloMedianMs,
      unit: 'ms',
      goal: `≤ ${MONTE_CARLO_GOAL_MS}: 10,000 draws, tokens prepared once per experiment and seed`,
    },
    {
      name: 'roi.monteCarloTokenPrep',
      value: report.tokenPrepMedianMs,
      unit: 'ms',
      goal: 'informational: one-off bootstrap of token means (1,000 × 10,000 runs × 2 models), in the worker',
    },
    {
      name: 'roi.monteCarloCold',
      value: report.monteCarloColdMedianMs,
      unit: 'ms',
      goal: 'informational: preparation and draws together, the first run for an experiment',
    },
    {
      name: 'roi.prefill',
      value: report.prefillMedianMs,
      unit: 'ms',
      goal: 'informational: scenario from 10,000 runs per model, once per experiment or student',
    },
  ]);
  const verdict = (v: number, goal: number) => (v <= goal ? 'within' : 'OVER');
  process.stdout.write(
    `roi: recompute ${report.recomputeMedianMs} ms (p95 ${report.recomputeP95Ms}; ${verdict(report.recomputeP95Ms, RECOMPUTE_GOAL_MS)} ${RECOMPUTE_GOAL_MS} ms); ` +
      `computeRoi ${report.computeRoiMedianMs} ms (${verdict(report.computeRoiMedianMs, COMPUTE_ROI_GOAL_MS)} ${COMPUTE_ROI_GOAL_MS} ms); ` +
      `Monte Carlo ${report.monteCarloMedianMs} ms (${verdict(report.monteCarloMedianMs, MONTE_CARLO_GOAL_MS)} ${MONTE_CARLO_GOAL_MS} ms), ` +
      `one-off token preparation ${report.tokenPrepMedianMs} ms\n`,
  );
}

main();
