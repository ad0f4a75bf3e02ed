import { useState, type ReactNode } from 'react';
import type { RunRecord } from '../../../../shared/domain/run';
import { formatNumber, formatRatio, formatUsd } from '../../../../shared/format';
import { formatMs } from '../../../../shared/formatTime';
import { ratio, summarizeModelRuns, type ModelRunSummary } from '../../../../shared/metrics';
import { modelName } from '../../../../shared/report/names';
import {
  BATCH_LATENCY_NOTE,
  BATCH_LATENCY_TEXT,
  latencySource,
  noOnDemandCalls,
} from '../../../../shared/batch/latencySource';

interface ModelSummaryTableProps {
  runs: RunRecord[];
  teacherId: string;
  studentIds: string[];
}

type Ratio = ReturnType<typeof ratio> | null;

interface Column {
  header: string;
  /** Shown in the compact table; the rest come with "Show every column". */
  compact: boolean;
  cell: (s: ModelRunSummary, r: Ratio) => ReactNode;
  /** A latency figure: a model with batch calls only has none, and the cell says so. */
  latency?: true;
  /** What retries cost on demand: a model with no on-demand call has none (onDemandFigure). */
  onDemand?: true;
}

const ms = (v: number | null) => formatMs(v);
const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));
const times = (v: number | null | undefined) => (v == null ? '—' : formatRatio(v));

// Units in every header: an analyst reads "Cost per request (USD)", never a bare "Cost / 1,000";
// times carry their own unit in the cell (ms below a second, s above), as formatMs writes them.
const COLUMNS: readonly Column[] = [
  { header: 'Calls', compact: true, cell: (s) => formatNumber(s.calls) },
  { header: 'Errors', compact: true, cell: (s) => formatNumber(s.errors) },
  // Kept out of every latency figure: what the account's throttling cost, shown beside it.
  {
    header: 'Throttled / retried (calls) · time lost',
    compact: true,
    onDemand: true,
    cell: (s) => `${formatNumber(s.throttles)} / ${formatNumber(s.retries)} · ${ms(s.lostMs)}`,
  },
  { header: 'Latency p50', compact: true, latency: true, cell: (s) => ms(s.e2e.p50) },
  { header: 'Latency mean', compact: false, latency: true, cell: (s) => ms(s.e2e.mean) },
  { header: 'Latency p95', compact: false, latency: true, cell: (s) => ms(s.e2e.p95) },
  { header: 'TTFT p50', compact: false, latency: true, cell: (s) => ms(s.ttft.p50) },
  { header: 'TTFT p95', compact: false, latency: true, cell: (s) => ms(s.ttft.p95) },
  {
    header: 'Tokens in / out per request (tokens)',
    compact: false,
    cell: (s) =>
      `${s.meanInputTokens === null ? '—' : formatNumber(s.meanInputTokens, 1)} / ${s.meanOutputTokens === null ? '—' : formatNumber(s.meanOutputTokens, 1)}`,
  },
  { header: 'Cost per request (USD)', compact: true, cell: (s) => usd(s.costPerRequest) },
  {
    header: 'Cost per 1,000 requests (USD)',
    compact: false,
    cell: (s) => usd(s.costPer1kRequests),
  },
  { header: 'Teacher ÷ this, cost (×)', compact: true, cell: (_s, r) => times(r?.costPerRequest) },
  { header: 'Teacher ÷ this, latency p50 (×)', compact: false, cell: (_s, r) => times(r?.e2eP50) },
];

/**
 * Per model, compact by default (calls, errors, latency, cost per request and the teacher-to-
 * student cost ratio) so that it fits 1280 px; every other column on demand.
 */
export function ModelSummaryTable({ runs, teacherId, studentIds }: ModelSummaryTableProps) {
  const [all, setAll] = useState(false);
  const summaries = summarizeModelRuns(runs);
  const byId = new Map(summaries.map((s) => [s.modelId, s]));
  const teacher = byId.get(teacherId);
  const order = [teacherId, ...studentIds].filter((id) => byId.has(id));
  const columns = all ? COLUMNS : COLUMNS.filter((c) => c.compact);
  const batchOnly = new Set(order.filter((id) => latencySource(runs, id) === 'batch-only'));
  const noOnDemand = new Set(
    order.filter((id) =>
      noOnDemandCalls(
        runs.filter((r) => r.modelId === id && r.via === 'batch').length,
        byId.get(id)?.calls ?? 0,
      ),
    ),
  );
  return (
    <>
      <div className="table-scroll" role="region" aria-label="Per model summary" tabIndex={0}>
        <table className="table summary" data-testid="model-summary">
          <caption>Per model (successful calls; errors counted separately)</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              {columns.map((c) => (
                <th key={c.header} scope="col" className="num">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((id) => {
              const s = byId.get(id);
              if (!s) return null;
              const r = teacher && id !== teacherId ? ratio(teacher, s) : null;
              return (
                <tr key={id} className={id === teacherId ? 'row-teacher' : 'row-student'}>
                  <th scope="row">
                    <span className={id === teacherId ? 'role role-teacher' : 'role role-student'}>
                      {id === teacherId ? 'Teacher' : 'Student'}
                    </span>{' '}
                    {modelName(id)}
                  </th>
                  {columns.map((c) => (
                    <td key={c.header} className="num">
                      {c.latency && batchOnly.has(id) ? (
                        <span data-testid="batch-latency" title={BATCH_LATENCY_NOTE}>
                          {BATCH_LATENCY_TEXT}
                        </span>
                      ) : c.onDemand && noOnDemand.has(id) ? (
                        // No on-demand call, so no retry to count or time: why, not zeros.
                        <span title={BATCH_LATENCY_NOTE}>{BATCH_LATENCY_TEXT}</span>
                      ) : (
                        c.cell(s, r)
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="summary-more">
        <button
          type="button"
          className="btn-link"
          data-testid="summary-all-columns"
          aria-pressed={all}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer columns' : 'Show every column (latency, TTFT, tokens, cost per 1,000)'}
        </button>
      </p>
    </>
  );
}
