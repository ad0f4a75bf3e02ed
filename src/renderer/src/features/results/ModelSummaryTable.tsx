import type { RunRecord } from '../../../../shared/domain/run';
import { formatNumber, formatRatio, formatUsd } from '../../../../shared/format';
import { formatMs } from '../../../../shared/formatTime';
import { ratio, summarizeModelRuns } from '../../../../shared/metrics';
import { modelName } from '../runs/ModelPicker';
import {
  BATCH_LATENCY_NOTE,
  BATCH_LATENCY_TEXT,
  latencySource,
} from '../../../../shared/batch/latencySource';

interface ModelSummaryTableProps {
  runs: RunRecord[];
  teacherId: string;
  studentIds: string[];
}

const ms = (v: number | null) => formatMs(v);

/** Per model: calls, errors, latency and TTFT percentiles, tokens and cost, and the teacher-to-student ratios. */
export function ModelSummaryTable({ runs, teacherId, studentIds }: ModelSummaryTableProps) {
  const summaries = summarizeModelRuns(runs);
  const byId = new Map(summaries.map((s) => [s.modelId, s]));
  const teacher = byId.get(teacherId);
  const order = [teacherId, ...studentIds].filter((id) => byId.has(id));
  return (
    <div className="table-scroll">
      <table className="table summary" data-testid="model-summary">
        <caption>Per model (successful calls; errors counted separately)</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Errors
            </th>
            <th scope="col" className="num">
              Latency mean
            </th>
            <th scope="col" className="num">
              p50
            </th>
            <th scope="col" className="num">
              p95
            </th>
            <th scope="col" className="num">
              TTFT p50
            </th>
            <th scope="col" className="num">
              TTFT p95
            </th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Cost / request
            </th>
            <th scope="col" className="num">
              Cost / 1,000
            </th>
            <th scope="col" className="num">
              Teacher ÷ this: cost
            </th>
            <th scope="col" className="num">
              latency p50
            </th>
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
                <td className="num">{formatNumber(s.calls)}</td>
                <td className="num">{formatNumber(s.errors)}</td>
                {latencySource(runs, s.modelId) === 'batch-only' ? (
                  <td
                    className="num"
                    colSpan={5}
                    title={BATCH_LATENCY_NOTE}
                    data-testid="batch-latency"
                  >
                    {BATCH_LATENCY_TEXT}
                  </td>
                ) : (
                  <>
                    <td className="num">{ms(s.e2e.mean)}</td>
                    <td className="num">{ms(s.e2e.p50)}</td>
                    <td className="num">{ms(s.e2e.p95)}</td>
                    <td className="num">{ms(s.ttft.p50)}</td>
                    <td className="num">{ms(s.ttft.p95)}</td>
                  </>
                )}
                <td className="num">
                  {s.meanInputTokens === null ? '—' : formatNumber(s.meanInputTokens, 1)} /{' '}
                  {s.meanOutputTokens === null ? '—' : formatNumber(s.meanOutputTokens, 1)}
                </td>
                <td className="num">
                  {s.costPerRequest === null ? '—' : formatUsd(s.costPerRequest)}
                </td>
                <td className="num">
                  {s.costPer1kRequests === null ? '—' : formatUsd(s.costPer1kRequests)}
                </td>
                <td className="num">
                  {r?.costPerRequest == null ? '—' : formatRatio(r.costPerRequest)}
                </td>
                <td className="num">{r?.e2eP50 == null ? '—' : formatRatio(r.e2eP50)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
