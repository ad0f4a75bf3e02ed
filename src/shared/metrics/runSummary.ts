import { tokens, usd, type Tokens, type Usd } from '../units';
import { outputTokensPerSecond, summarizeLatencies, type LatencySummary } from './latency';
import { totalLostMs } from './lostTime';
import { meanOrNull, type MaybeNumber } from './statistics';

/**
 * Per-model summary of an experiment's calls, and teacher-to-student ratios. Only successful
 * calls enter latency, token and cost figures: an error that returns in 50 ms would otherwise
 * make a flaky model look fast and cheap.
 */

export interface RunSample {
  readonly modelId: string;
  readonly status: 'ok' | 'error';
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly e2eMs: number | null;
  readonly serverMs: number | null;
  readonly ttftMs: number | null;
  readonly costUsd: number | null;
  /** Requests made (1 = no retry); absent in samples that do not track it. */
  readonly attempts?: number;
  /** Throttled attempts and time lost to retries; null or absent for calls stored before. */
  readonly throttles?: number | null;
  readonly lostMs?: number | null;
  /** Batch calls have no latency (their latency fields are null); absent means on-demand. */
  readonly via?: 'on-demand' | 'batch';
}

export interface ModelRunSummary {
  readonly modelId: string;
  /** All calls, successful or not. */
  readonly calls: number;
  readonly errors: number;
  /** errors / calls. */
  readonly errorRate: number;
  readonly e2e: LatencySummary;
  readonly server: LatencySummary;
  readonly ttft: LatencySummary;
  readonly meanInputTokens: Tokens | null;
  readonly meanOutputTokens: Tokens | null;
  /** Mean over successful calls of output tokens per second after the first token. */
  readonly meanOutputTokensPerSecond: number | null;
  /** Mean cost of a successful call. */
  readonly costPerRequest: Usd | null;
  readonly costPer1kRequests: Usd | null;
  /**
   * What retries cost, over all calls (failed ones too): attempts Bedrock throttled, attempts
   * beyond the first, and the time lost to them, which is not in any latency figure.
   */
  readonly throttles: number;
  readonly retries: number;
  readonly lostMs: number;
}

/**
 * Whether a successful call reported both token counts. Token means are taken over these calls
 * only, here and in the ROI evidence, so that the input and output means describe the same
 * requests (a request is priced as in·p_in + out·p_out) and the tables agree with the scenario.
 */
export const reportedUsage = (r: {
  inputTokens: number | null;
  outputTokens: number | null;
}): r is { inputTokens: number; outputTokens: number } =>
  r.inputTokens !== null && r.outputTokens !== null;

const sum = (runs: readonly RunSample[], f: (r: RunSample) => number): number => {
  let total = 0;
  for (const r of runs) total += f(r);
  return total;
};

function summarizeOneModel(modelId: string, runs: readonly RunSample[]): ModelRunSummary {
  const ok = runs.filter((r) => r.status === 'ok');
  const errors = runs.length - ok.length;
  const pick = (f: (r: RunSample) => MaybeNumber): MaybeNumber[] => ok.map(f);
  const withUsage = ok.filter(reportedUsage);
  const inTokens = meanOrNull(withUsage.map((r) => r.inputTokens));
  const outTokens = meanOrNull(withUsage.map((r) => r.outputTokens));
  const cost = meanOrNull(pick((r) => r.costUsd));
  return {
    modelId,
    calls: runs.length,
    errors,
    errorRate: runs.length === 0 ? 0 : errors / runs.length,
    e2e: summarizeLatencies(pick((r) => r.e2eMs)),
    server: summarizeLatencies(pick((r) => r.serverMs)),
    ttft: summarizeLatencies(pick((r) => r.ttftMs)),
    meanInputTokens: inTokens === null ? null : tokens(inTokens),
    meanOutputTokens: outTokens === null ? null : tokens(outTokens),
    meanOutputTokensPerSecond: meanOrNull(
      pick((r) => outputTokensPerSecond(r.outputTokens, r.e2eMs, r.ttftMs)),
    ),
    costPerRequest: cost === null ? null : usd(cost),
    costPer1kRequests: cost === null ? null : usd(cost * 1000),
    throttles: sum(runs, (r) => r.throttles ?? 0),
    retries: sum(runs, (r) => Math.max(0, (r.attempts ?? 1) - 1)),
    lostMs: totalLostMs(runs.map((r) => r.lostMs)),
  };
}

/** One summary per model, in the order each model first appears in `runs`. */
export function summarizeModelRuns(runs: readonly RunSample[]): ModelRunSummary[] {
  const byModel = new Map<string, RunSample[]>();
  for (const run of runs) {
    const list = byModel.get(run.modelId);
    if (list) list.push(run);
    else byModel.set(run.modelId, [run]);
  }
  return [...byModel].map(([modelId, list]) => summarizeOneModel(modelId, list));
}

/** Teacher ÷ student: above 1 means the student is cheaper or faster by that factor. */
export interface TeacherStudentRatios {
  readonly costPerRequest: number | null;
  readonly e2eMean: number | null;
  readonly e2eP50: number | null;
  readonly e2eP95: number | null;
  readonly ttftP50: number | null;
  readonly serverP50: number | null;
}

/** Null when either side is unknown or the student's value is zero (no meaningful factor). */
function divide(teacher: number | null, student: number | null): number | null {
  if (teacher === null || student === null || student === 0) return null;
  return teacher / student;
}

export function ratio(teacher: ModelRunSummary, student: ModelRunSummary): TeacherStudentRatios {
  return {
    costPerRequest: divide(teacher.costPerRequest, student.costPerRequest),
    e2eMean: divide(teacher.e2e.mean, student.e2e.mean),
    e2eP50: divide(teacher.e2e.p50, student.e2e.p50),
    e2eP95: divide(teacher.e2e.p95, student.e2e.p95),
    ttftP50: divide(teacher.ttft.p50, student.ttft.p50),
    serverP50: divide(teacher.server.p50, student.server.p50),
  };
}
