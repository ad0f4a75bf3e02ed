import {
  BootstrapBatch,
  MIN_PARAGRAPHS,
  PERCENTILE_BOOTSTRAP_METHOD,
  planBootstrapMean,
  planFailureShare,
  planPairedBootstrap,
  planPairedFailureShares,
  resolveBootstrapOptions,
  sum,
  summarizeModelRuns,
  winRateFromPreferences,
  winRateFromScores,
  type BootstrapMeanResult,
  type FailureShareResult,
  type PairedBootstrapResult,
  type PairedFailureShareResult,
  type Preference,
  type RunSample,
  type WinRateResult,
} from '../metrics';
import { METRIC_KEYS, metricInfo, type MetricKey } from './metricKeys';
import { barFor, type QualitySettings } from './qualitySettings';
import type {
  JudgeSummary,
  MeanCi,
  MetricReport,
  PairedShares,
  PreferenceReport,
  QualityReport,
  ShareCi,
  WinRateCi,
} from './reportSchema';
import { tabulateScores, type MetricValues, type ScoreRow } from './scoreTable';

/**
 * Assembles the quality view's report: per model and metric the mean with its bootstrap
 * interval and the share under the analyst's bar, per student the difference to the teacher,
 * the win rate and the paired failure shares, and the judge's and the analyst's preferences.
 * Pure: main reads the store, this computes, so the screen, a CLI and a PDF agree to the digit.
 */

export interface JudgeCallRow {
  promptId: string;
  status: 'ok' | 'invalid' | 'error';
  costUsd: number | null;
}

export interface QualityReportInput {
  experimentId: string;
  experimentName: string;
  teacherModelId: string;
  studentModelIds: readonly string[];
  paragraphs: readonly { id: string; position: number; text: string; reference: string | null }[];
  scores: readonly ScoreRow[];
  runs: readonly RunSample[];
  judgeCalls: readonly JudgeCallRow[];
  /** The judge prompt whose scores are shown (the latest one used), if any. */
  judgePrompt: { id: string; modelId: string; createdAt: string } | null;
  settings: QualitySettings;
  rougeStemmed: boolean;
}

const EXCERPT_CHARS = 140;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

const meanCi = (r: BootstrapMeanResult): MeanCi =>
  r.kind === 'insufficient'
    ? r
    : { kind: 'estimate', n: r.n, mean: r.mean, ci: r.ci, method: PERCENTILE_BOOTSTRAP_METHOD };

const shareCi = (r: FailureShareResult): ShareCi =>
  r.kind === 'insufficient'
    ? r
    : { kind: 'estimate', n: r.n, failures: r.failures, share: r.share, ci: r.ci };

const difference = (r: PairedBootstrapResult): MeanCi =>
  r.kind === 'insufficient'
    ? r
    : {
        kind: 'estimate',
        n: r.n,
        mean: r.difference.mean,
        ci: r.difference.ci,
        method: r.difference.method,
      };

const winRate = (r: WinRateResult): WinRateCi =>
  r.kind === 'insufficient'
    ? r
    : {
        kind: 'estimate',
        n: r.n,
        wins: r.wins,
        ties: r.ties,
        losses: r.losses,
        rate: r.rate,
        ci: r.ci,
      };

const pairedShares = (r: PairedFailureShareResult): PairedShares => {
  if (r.kind === 'insufficient') return r;
  const side = (s: typeof r.teacher) => ({ failures: s.failures, share: s.share, ci: s.ci });
  return {
    kind: 'estimate',
    n: r.n,
    teacher: side(r.teacher),
    student: side(r.student),
    difference: r.difference,
  };
};

const presentCount = (xs: readonly (number | null)[]): number =>
  xs.filter((x) => x !== null).length;

/**
 * One metric's report, planned into `batch`: the returned function assembles it once the batch
 * has run, so every metric's intervals come from one resampling pass (50,000 paragraphs × 2,000
 * resamples is drawn once, not once per metric, model and figure).
 */
export function planMetricReport(
  key: MetricKey,
  values: MetricValues,
  settings: QualitySettings,
  teacherId: string,
  studentIds: readonly string[],
  batch: BootstrapBatch,
): () => MetricReport {
  const info = metricInfo(key);
  const bar = barFor(settings, key);
  const boot = { seed: settings.seed };
  const column = (m: string) => values[key][m] ?? [];
  const models = info.teacherScored ? [teacherId, ...studentIds] : [...studentIds];
  const teacher = column(teacherId);
  const perModel = models.map((modelId) => ({
    modelId,
    mean: batch.add(planBootstrapMean(column(modelId), boot)),
    failure: batch.add(planFailureShare(column(modelId), { ...boot, threshold: bar })),
  }));
  const perStudent = studentIds.map((modelId) => ({
    modelId,
    paired: info.teacherScored
      ? {
          difference: batch.add(planPairedBootstrap(teacher, column(modelId), boot)),
          failureShares: batch.add(
            planPairedFailureShares(teacher, column(modelId), { ...boot, threshold: bar }),
          ),
        }
      : null,
  }));
  return () => ({
    key,
    bar,
    perModel: perModel.map((m) => ({
      modelId: m.modelId,
      n: presentCount(column(m.modelId)),
      mean: meanCi(m.mean()),
      failure: shareCi(m.failure()),
    })),
    perStudent: perStudent.map(({ modelId, paired }) =>
      paired !== null
        ? {
            modelId,
            difference: difference(paired.difference()),
            winRate: winRate(winRateFromScores(teacher, column(modelId))),
            failureShares: pairedShares(paired.failureShares()),
          }
        : { modelId, difference: null, winRate: null, failureShares: null },
    ),
    values: Object.fromEntries(models.map((m) => [m, column(m)])),
  });
}

function preferenceReport(
  source: 'judge' | 'human',
  verdicts: Record<string, (Preference | null)[]>,
  studentIds: readonly string[],
): PreferenceReport {
  return {
    source,
    perStudent: studentIds.map((modelId) => {
      const list = verdicts[modelId] ?? [];
      const present = list.filter((v): v is Preference => v !== null);
      return { modelId, winRate: winRate(winRateFromPreferences(present)), verdicts: list };
    }),
  };
}

export function judgeSummary(
  calls: readonly JudgeCallRow[],
  prompt: QualityReportInput['judgePrompt'],
): JudgeSummary {
  const current = calls.filter((c) => prompt !== null && c.promptId === prompt.id);
  const count = (status: JudgeCallRow['status']) =>
    current.filter((c) => c.status === status).length;
  return {
    promptId: prompt?.id ?? null,
    modelId: prompt?.modelId ?? null,
    promptCreatedAt: prompt?.createdAt ?? null,
    answered: count('ok'),
    failures: count('invalid'),
    errors: count('error'),
    costUsd: sum(calls.map((c) => c.costUsd ?? 0)),
  };
}

/**
 * The scores a report uses: judge scores of older prompt versions stay stored for the record
 * but are never mixed with the current version's.
 */
export function scoresShown(scores: readonly ScoreRow[], judgePromptId: string | null): ScoreRow[] {
  return scores.filter(
    (s) => s.source !== 'judge' || (judgePromptId !== null && s.promptId === judgePromptId),
  );
}

export function buildQualityReport(input: QualityReportInput): QualityReport {
  const { teacherModelId: teacher, studentModelIds: students, settings } = input;
  const paragraphIds = input.paragraphs.map((p) => p.id);
  const models = [teacher, ...students];
  const scores = scoresShown(input.scores, input.judgePrompt?.id ?? null);
  const { values, preferences } = tabulateScores(scores, paragraphIds, models);
  const resolved = resolveBootstrapOptions({ seed: settings.seed });
  const summaries = summarizeModelRuns(input.runs);
  const batch = new BootstrapBatch();
  const metrics = METRIC_KEYS.map((k) =>
    planMetricReport(k, values, settings, teacher, students, batch),
  );
  batch.run();
  return {
    experimentId: input.experimentId,
    experimentName: input.experimentName,
    teacherModelId: teacher,
    studentModelIds: [...students],
    paragraphs: input.paragraphs.map((p) => ({
      id: p.id,
      position: p.position,
      excerpt: excerpt(p.text),
      hasReference: p.reference !== null,
    })),
    options: { ...resolved, minParagraphs: MIN_PARAGRAPHS, rougeStemmed: input.rougeStemmed },
    metrics: metrics.map((assemble) => assemble()),
    preferences: [
      preferenceReport('judge', preferences.judge, students),
      preferenceReport('human', preferences.human, students),
    ],
    costs: models.map((modelId) => {
      const s = summaries.find((x) => x.modelId === modelId);
      return {
        modelId,
        role: modelId === teacher ? 'teacher' : 'student',
        calls: s?.calls ?? 0,
        errors: s?.errors ?? 0,
        costPer1kRequestsUsd: s?.costPer1kRequests ?? null,
      };
    }),
    comparisonCostUsd: sum(input.runs.map((r) => (r.status === 'ok' ? (r.costUsd ?? 0) : 0))),
    judge: judgeSummary(input.judgeCalls, input.judgePrompt),
    raters: [
      ...new Set(
        input.scores.flatMap((s) => (s.source === 'human' && s.createdBy ? [s.createdBy] : [])),
      ),
    ].sort(),
    settings,
  };
}
