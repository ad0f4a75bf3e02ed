/**
 * The end-of-run summary: per model calls, errors, throttles, retries and the time lost to
 * them (kept out of the latency figures), latency and TTFT (mean, p50, p95), mean
 * tokens, cost per request and per 1,000 requests, and the teacher-to-student ratios, all
 * computed by src/shared/metrics from the stored runs. Printed as a table or as JSON.
 */
import { runStateText } from '../../shared/domain/runStateText';
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
import { modelName } from '../../shared/report/names';
import {
  BATCH_LATENCY_TEXT,
  latencySource,
  onDemandFigure,
  type LatencySource,
} from '../../shared/batch/latencySource';
import { getExperiment } from '../db/repos/experiments';
import { countProfileCalls, listRunSamples } from '../db/repos/runs';
import { profileCallsText } from '../../shared/billing/profileCalls';

export interface CliSummary {
  experimentId: string;
  name: string;
  status: RunProgress['status'];
  statusReason: string | null;
  done: number;
  total: number;
  failed: number;
  spentUsd: number;
  /**
   * `latencySource`: batch calls have no latency, so a batch-only model shows none; `batchCalls`:
   * of `calls`, those made in batch jobs (all of them: no retry figures either).
   */
  models: (ModelRunSummary & {
    role: 'teacher' | 'student';
    latencySource: LatencySource;
    batchCalls: number;
  })[];
  ratios: (TeacherStudentRatios & { studentModelId: string })[];
  /** Stored calls sent through the experiment's tagged inference profiles, when any were. */
  profileCalls?: { stored: number; throughProfile: number };
}

export function buildSummary(db: Database, final: RunProgress): CliSummary {
  const experiment = getExperiment(db, final.experimentId);
  if (!experiment) throw new Error(`Experiment ${final.experimentId} disappeared.`);
  const { teacherModelId, studentModelIds } = experiment.config;
  const samples = listRunSamples(db, final.experimentId);
  const byModel = new Map(summarizeModelRuns(samples).map((s) => [s.modelId, s]));
  const models = [teacherModelId, ...studentModelIds].flatMap((modelId) => {
    const s = byModel.get(modelId);
    const role = modelId === teacherModelId ? ('teacher' as const) : ('student' as const);
    const batchCalls = samples.filter((r) => r.modelId === modelId && r.via === 'batch').length;
    return s ? [{ ...s, role, latencySource: latencySource(samples, modelId), batchCalls }] : [];
  });
  const profileCalls = countProfileCalls(db, final.experimentId);
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
    ...(profileCalls.throughProfile > 0 ? { profileCalls } : {}),
  };
}

const msText = (v: number | null) => (v === null ? '—' : formatNumber(v));
const trio = (l: LatencySummary) => `${msText(l.mean)} / ${msText(l.p50)} / ${msText(l.p95)}`;
const maybe = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));

/** Columns padded to their widest cell: the first two left-aligned, figures right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // The model column reads left-aligned; figures right-aligned so their digits line up.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Breaks `text` at spaces so no line is longer than `width`; later lines start with `indent`. */
export function wrapLine(text: string, width: number, indent = '  '): string[] {
  return wrapPieces(text.split(' '), width, indent);
}

/**
 * Joins `pieces` with spaces, breaking only between pieces, so that a label stays beside its
 * figure ("p95 3.42×", never "p95" at the end of a line and "3.42×" on the next).
 */
export function wrapPieces(pieces: readonly string[], width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of pieces) {
    const next = current === '' ? word : `${current} ${word}`;
    if (next.length <= width || current.trim() === '') current = next;
    else {
      lines.push(current);
      current = `${indent}${word}`;
    }
  }
  if (current !== '') lines.push(current);
  // A single word longer than the width (a long model id) is cut, never left to overflow.
  return lines.flatMap((l) => {
    const parts: string[] = [];
    let rest = l;
    while (rest.length > width) {
      parts.push(rest.slice(0, width));
      rest = `${indent}${rest.slice(width)}`;
    }
    return [...parts, rest];
  });
}

/** The narrowest the summary is laid out for, whatever the terminal says. */
export const MIN_SUMMARY_WIDTH = 80;

/**
 * The summary as text no wider than `width` columns (the terminal's, at least 80): one table
 * when it fits, otherwise one block per model. Models carry the names the screens use.
 */
export function formatSummary(s: CliSummary, width: number = MIN_SUMMARY_WIDTH): string {
  const cols = Math.max(MIN_SUMMARY_WIDTH, Math.floor(width));
  const cells = s.models.map((m) => {
    const calls = { batch: m.batchCalls, all: m.calls };
    return {
      name: modelName(m.modelId),
      values: [
        formatNumber(m.calls),
        formatNumber(m.errors),
        onDemandFigure(
          calls,
          'count',
          () => `${formatNumber(m.throttles)} / ${formatNumber(m.retries)}`,
        ),
        onDemandFigure(calls, 'time', () => formatNumber(Math.round(m.lostMs))),
        m.latencySource === 'batch-only' ? BATCH_LATENCY_TEXT : trio(m.e2e),
        m.latencySource === 'batch-only' ? BATCH_LATENCY_TEXT : trio(m.ttft),
        `${maybe(m.meanInputTokens, (x) => formatNumber(x, 1))} / ${maybe(m.meanOutputTokens, (x) => formatNumber(x, 1))}`,
        maybe(m.costPerRequest, (x) => formatUsd(x)),
        maybe(m.costPer1kRequests, (x) => formatUsd(x)),
      ],
      model: m,
    };
  });
  const labels = [
    'calls',
    'errors',
    'throttled / retried',
    'time lost to retries (ms)',
    'latency (ms) mean / p50 / p95',
    'time to first token (ms) mean / p50 / p95',
    'tokens per call in / out',
    'cost per request (USD)',
    'cost per 1,000 requests (USD)',
  ];
  const wide = table(
    ['model', 'role', ...labels],
    cells.map((c) => [c.name, c.model.role, ...c.values]),
  );
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const body = wide.every((l) => l.length <= cols)
    ? wide
    : cells.flatMap((c, i) => [
        ...(i > 0 ? [''] : []),
        ...wrapLine(`${c.name} (${c.model.role}, ${c.model.modelId})`, cols),
        ...labels.flatMap((label, j) =>
          wrapLine(`  ${label.padEnd(labelWidth)}  ${c.values[j] ?? ''}`, cols, '    '),
        ),
      ]);
  const ratio = (x: number | null) => maybe(x, (v) => formatRatio(v));
  const ratioLines = s.ratios.flatMap((r) =>
    wrapPieces(
      [
        ...`teacher ÷ ${modelName(r.studentModelId)}:`.split(' '),
        `cost ${ratio(r.costPerRequest)},`,
        `latency mean ${ratio(r.e2eMean)}`,
        `· p50 ${ratio(r.e2eP50)}`,
        `· p95 ${ratio(r.e2eP95)},`,
        `time to first token p50 ${ratio(r.ttftP50)}`,
      ],
      cols,
    ),
  );
  const reason = s.statusReason ? ` (${s.statusReason})` : '';
  const profileText = s.profileCalls
    ? profileCallsText(s.profileCalls.throughProfile, s.profileCalls.stored)
    : null;
  const profileLines = profileText === null ? [] : wrapLine(profileText, cols);
  return [
    ...wrapLine(
      `experiment ${s.experimentId} "${s.name}": ${runStateText(s).toLowerCase()}${reason}`,
      cols,
    ),
    ...wrapLine(
      `${formatNumber(s.done)} of ${formatNumber(s.total)} calls, ${formatNumber(s.failed)} failed, ${formatUsd(s.spentUsd)} spent`,
      cols,
    ),
    ...profileLines,
    '',
    ...body,
    '',
    ...ratioLines,
  ].join('\n');
}
