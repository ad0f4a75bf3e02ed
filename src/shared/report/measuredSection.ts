import type { RunRecord } from '../domain/run';
import { formatNumber, formatRatio, formatUsd } from '../format';
import { formatMs } from '../formatTime';
import { PAIRED_T_METHOD, ratio, summarizeModelRuns, type ModelRunSummary } from '../metrics';
import { costQualityPoints, fixedHistogram } from '../quality/chartData';
import { formatDifferenceCi, formatMeanCi, formatShareCi } from '../quality/formatQuality';
import { metricInfo } from '../quality/metricKeys';
import type { QualityReport } from '../quality/reportSchema';
import { modelName, shortModelName } from './names';
import type { LatencyChart, QualityVsCost, ReportTable, ReportViewModel } from './reportSchema';
import { niceTicks } from './ticks';

/** What was measured: per-model calls, tokens, latency and cost; quality; the two charts. */

const LATENCY_BINS = 16;
const maybe = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));
const roleOf = (id: string, teacher: string) =>
  (id === teacher ? 'teacher' : 'student') as 'teacher' | 'student';

export function modelsTable(summaries: readonly ModelRunSummary[], teacher: string): ReportTable {
  const t = summaries.find((s) => s.modelId === teacher);
  return {
    caption: 'Measured per model (successful calls; errors counted apart)',
    columns: [
      'Model',
      'Calls',
      'Errors',
      // What retries cost, kept out of the latency figures: throttled / retried · time lost.
      'Throttled / retried · lost',
      'Tokens in / out',
      // Times carry their unit in the cell (ms below a second, s above), as formatMs writes them.
      'Latency p50',
      'p95',
      'TTFT p50',
      'Cost per request (USD)',
      // Teacher ÷ this model: how many times cheaper and faster the student is.
      'Cheaper by',
      'Faster by',
    ],
    rows: summaries.map((s) => {
      const r = t && s.modelId !== teacher ? ratio(t, s) : null;
      return [
        `${shortModelName(s.modelId)} (${roleOf(s.modelId, teacher)})`,
        formatNumber(s.calls),
        formatNumber(s.errors),
        `${formatNumber(s.throttles)} / ${formatNumber(s.retries)} · ${formatMs(s.lostMs)}`,
        `${maybe(s.meanInputTokens, (x) => formatNumber(x, 1))} / ${maybe(s.meanOutputTokens, (x) => formatNumber(x, 1))}`,
        formatMs(s.e2e.p50),
        formatMs(s.e2e.p95),
        formatMs(s.ttft.p50),
        maybe(s.costPerRequest, (x) => formatUsd(x)),
        maybe(r?.costPerRequest ?? null, (x) => formatRatio(x)),
        maybe(r?.e2eP50 ?? null, (x) => formatRatio(x)),
      ];
    }),
  };
}

export function qualityTable(q: QualityReport): ReportTable | null {
  const key = q.settings.failureMetric;
  const info = metricInfo(key);
  const m = q.metrics.find((x) => x.key === key);
  if (!m || m.perModel.every((p) => p.n === 0)) return null;
  return {
    caption: `${info.label} (${info.group}); an output fails below ${formatNumber(m.bar, info.decimals)}`,
    columns: [
      'Model',
      'Paragraphs',
      'Mean [95% interval] (score)',
      'Under the bar (%)',
      'Student − teacher (score)',
    ],
    rows: m.perModel.map((p) => {
      const diff = m.perStudent.find((s) => s.modelId === p.modelId)?.difference ?? null;
      return [
        `${shortModelName(p.modelId)} (${roleOf(p.modelId, q.teacherModelId)})`,
        formatNumber(p.n),
        formatMeanCi(p.mean, info.decimals),
        formatShareCi(p.failure),
        diff ? formatDifferenceCi(diff, info.decimals) : '—',
      ];
    }),
  };
}

/** The quality screen's cost–quality chart on the report's metric, as the report prints it. */
export function qualityVsCost(
  q: QualityReport,
  summaries: readonly ModelRunSummary[],
): QualityVsCost | null {
  const key = q.settings.failureMetric;
  const info = metricInfo(key);
  const m = q.metrics.find((x) => x.key === key);
  if (!m) return null;
  const costs = summaries.map((s) => ({
    modelId: s.modelId,
    costPer1kRequestsUsd: s.costPer1kRequests,
  }));
  const points = costQualityPoints(costs, m).flatMap((p) => {
    if (p.costPer1kRequestsUsd === null || p.quality === null || p.interval === null) return [];
    return [
      {
        name: modelName(p.id),
        role: roleOf(p.id, q.teacherModelId),
        costPer1k: p.costPer1kRequestsUsd,
        quality: p.quality,
        low: p.interval.low,
        high: p.interval.high,
      },
    ];
  });
  if (points.length === 0) return null;
  const listed = points
    .map(
      (p) =>
        `${p.name}: ${formatUsd(p.costPer1k)} per 1,000 requests, mean ${formatNumber(p.quality, info.decimals)}`,
    )
    .join('; ');
  return {
    metricLabel: info.label,
    points,
    bar: m.bar,
    description: `Quality (${info.label}, mean with its 95% interval) against cost per 1,000 requests. ${listed}.`,
  };
}

export function latencyChart(
  runs: readonly RunRecord[],
  summaries: readonly ModelRunSummary[],
  teacher: string,
): LatencyChart {
  const byModel = summaries.map((s) => ({
    s,
    values: runs.filter((r) => r.modelId === s.modelId && r.status === 'ok').map((r) => r.e2eMs),
  }));
  const all = byModel.flatMap((m) => m.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(0, all.length > 0 ? Math.max(...all) : 1, 4);
  const top = ticks[ticks.length - 1] ?? 1;
  const bins = fixedHistogram([], 0, top, LATENCY_BINS);
  const models = byModel.map(({ s, values }) => ({
    name: modelName(s.modelId),
    role: roleOf(s.modelId, teacher),
    counts: fixedHistogram(values, 0, top, LATENCY_BINS).map((b) => b.count),
    n: s.e2e.count,
    p50: s.e2e.p50,
    p95: s.e2e.p95,
  }));
  const listed = models
    .map(
      (m) =>
        `${m.name}: median ${formatMs(m.p50)}, p95 ${formatMs(m.p95)} (${formatNumber(m.n)} calls)`,
    )
    .join('; ');
  return {
    edges: [0, ...bins.map((b) => b.to)],
    models,
    description: `End-to-end latency per call, one histogram per model on a shared scale. ${listed}.`,
  };
}

export function measuredSection(
  runs: readonly RunRecord[],
  quality: QualityReport | null,
  teacher: string,
  order: readonly string[],
): ReportViewModel['measured'] {
  const found = summarizeModelRuns(runs);
  const summaries = order.flatMap((id) => found.filter((s) => s.modelId === id));
  const table = quality ? qualityTable(quality) : null;
  return {
    models: modelsTable(summaries, teacher),
    quality: table,
    qualityNote:
      quality && table
        ? `Intervals are 95%: a model's mean and share by the percentile bootstrap over paragraphs (${formatNumber(quality.options.resamples)} resamples, seed ${quality.options.seed}); student − teacher by ${PAIRED_T_METHOD}, which holds on few paragraphs; below ${quality.options.minParagraphs} paragraphs the report says "not enough data" instead.`
        : 'No quality scores yet: score the outputs (ROUGE against references, the LLM judge or your own ratings) in the Quality view.',
    qualityVsCost: quality ? qualityVsCost(quality, summaries) : null,
    latency: latencyChart(runs, summaries, teacher),
  };
}
