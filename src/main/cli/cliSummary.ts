/**
 * The end-of-run summary: per model calls, errors, throttles, retries and the time lost to
 * them (kept out of the latency figures), latency and TTFT (mean, p50, p95), mean
 * tokens, cost per request and per 1,000 requests, and the teacher-to-student ratios, all
 * computed by src/shared/metrics from the stored runs. Printed as a table or as JSON.
 */
import type { Database } from 'better-sqlite3';
import type { RunProgress } from '../../shared/domain/run';
import { formatNumber, formatRatio, formatUsd } from '../../shared/format';
import {
  ratio,
  summarizeModelRuns,
  type LatencySummary,
  type ModelRunSummary,
  type TeacherStudentRatios,
} from '../../shared/metrics';
import { getExperiment } from '../db/repos/experiments';
import { listRunSamples } from '../db/repos/runs';

export interface CliSummary {
  experimentId: string;
  name: string;
  status: RunProgress['status'];
  statusReason: string | null;
  done: number;
  total: number;
  failed: number;
  spentUsd: number;
  models: (ModelRunSummary & { role: 'teacher' | 'student' })[];
  ratios: (TeacherStudentRatios & { studentModelId: string })[];
}

export function buildSummary(db: Database, final: RunProgress): CliSummary {
  const experiment = getExperiment(db, final.experimentId);
  if (!experiment) throw new Error(`Experiment ${final.experimentId} disappeared.`);
  const { teacherModelId, studentModelIds } = experiment.config;
  const byModel = new Map(
    summarizeModelRuns(listRunSamples(db, final.experimentId)).map((s) => [s.modelId, s]),
  );
  const models = [teacherModelId, ...studentModelIds].flatMap((modelId) => {
    const s = byModel.get(modelId);
    const role = modelId === teacherModelId ? ('teacher' as const) : ('student' as const);
    return s ? [{ ...s, role }] : [];
  });
  const teacher = byModel.get(teacherModelId);
  const ratios = studentModelIds.flatMap((studentModelId) => {
    const student = byModel.get(studentModelId);
    return teacher && student ? [{ studentModelId, ...ratio(teacher, student) }] : [];
  });
  return {
    experimentId: final.experimentId,
    name: experiment.config.name,
    status: final.status,
    statusReason: final.statusReason,
    done: final.done,
    total: final.total,
    failed: final.failed,
    spentUsd: final.spentUsd,
    models,
    ratios,
  };
}

const msText = (v: number | null) => (v === null ? '—' : formatNumber(v));
const trio = (l: LatencySummary) => `${msText(l.mean)} / ${msText(l.p50)} / ${msText(l.p95)}`;
const maybe = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // The model column reads left-aligned; figures right-aligned so their digits line up.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatSummary(s: CliSummary): string {
  const rows = s.models.map((m) => [
    m.modelId,
    m.role,
    formatNumber(m.calls),
    formatNumber(m.errors),
    `${formatNumber(m.throttles)} / ${formatNumber(m.retries)}`,
    formatNumber(Math.round(m.lostMs)),
    trio(m.e2e),
    trio(m.ttft),
    `${maybe(m.meanInputTokens, (x) => formatNumber(x, 1))} / ${maybe(m.meanOutputTokens, (x) => formatNumber(x, 1))}`,
    maybe(m.costPerRequest, (x) => formatUsd(x)),
    maybe(m.costPer1kRequests, (x) => formatUsd(x)),
  ]);
  const header = [
    'model',
    'role',
    'calls',
    'errors',
    'throttled/retried',
    'lost ms',
    'latency ms mean/p50/p95',
    'TTFT ms mean/p50/p95',
    'tokens in/out',
    '$/request',
    '$/1k requests',
  ];
  const ratioLines = s.ratios.map(
    (r) =>
      `teacher ÷ ${r.studentModelId}: cost ${maybe(r.costPerRequest, (x) => formatRatio(x))}, ` +
      `latency mean ${maybe(r.e2eMean, (x) => formatRatio(x))} · p50 ${maybe(r.e2eP50, (x) => formatRatio(x))} · ` +
      `p95 ${maybe(r.e2eP95, (x) => formatRatio(x))}, TTFT p50 ${maybe(r.ttftP50, (x) => formatRatio(x))}`,
  );
  const reason = s.statusReason ? ` (${s.statusReason})` : '';
  return [
    `experiment ${s.experimentId} "${s.name}": ${s.status}${reason}`,
    `${formatNumber(s.done)} of ${formatNumber(s.total)} calls, ${formatNumber(s.failed)} failed, ${formatUsd(s.spentUsd)} spent`,
    '',
    table(header, rows),
    '',
    ...ratioLines,
  ].join('\n');
}
