import {
  formatDifferenceCi,
  formatPairedShare,
  formatShareCi,
  formatWinRateCi,
} from '../../../../shared/quality/formatQuality';
import type { MetricKey } from '../../../../shared/quality/metricKeys';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { groupedMetrics } from '../../../../shared/quality/reportViews';
import { modelName } from '../../../../shared/report/names';
import { BarInput } from './BarInput';

interface ComparisonTableProps {
  report: QualityReport;
  studentId: string;
  onBar: (metric: MetricKey, bar: number) => void;
}

/**
 * Teacher against one student, metric by metric: the paired difference, how often the student
 * is at least as good, and each model's share under the analyst's bar (the failure shares the
 * ROI calculator uses), all with their 95 % intervals.
 */
export function ComparisonTable({ report, studentId, onBar }: ComparisonTableProps) {
  const groups = groupedMetrics(report);
  return (
    <div className="table-scroll" role="region" aria-label="Student against teacher" tabIndex={0}>
      <table className="table quality-table comparison-table" data-testid="comparison-table">
        <caption>
          {modelName(studentId)} against {modelName(report.teacherModelId)}: outputs scoring below
          the bar count as failures; each figure with its 95 % interval
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Bar (score)
            </th>
            <th scope="col" className="num">
              Student − teacher (score)
            </th>
            <th scope="col" className="num">
              Student win rate (%, tie = ½)
            </th>
            <th scope="col" className="num">
              Teacher failures (%)
            </th>
            <th scope="col" className="num">
              Student failures (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.flatMap((g) =>
            g.metrics.map(({ info, report: m }) => {
              const s = m.perStudent.find((x) => x.modelId === studentId);
              const own = m.perModel.find((x) => x.modelId === studentId);
              return (
                <tr key={m.key} data-testid={`compare-row-${m.key}`}>
                  <th scope="row">
                    <span className="metric-group">{g.group}</span> {info.label}
                  </th>
                  <td className="num">
                    <BarInput
                      value={m.bar}
                      min={info.min}
                      max={info.max}
                      label={`Bar for ${g.group} ${info.label}`}
                      testId={`bar-${m.key}`}
                      onCommit={(v) => onBar(m.key, v)}
                    />
                  </td>
                  <td className="num">
                    {s?.difference ? formatDifferenceCi(s.difference, info.decimals) : '—'}
                  </td>
                  <td className="num">{s?.winRate ? formatWinRateCi(s.winRate) : '—'}</td>
                  <td className="num">
                    {s?.failureShares ? formatPairedShare(s.failureShares, 'teacher') : 'target'}
                  </td>
                  <td className="num" data-testid={`fs-${m.key}`}>
                    {s?.failureShares
                      ? formatPairedShare(s.failureShares, 'student')
                      : own
                        ? formatShareCi(own.failure)
                        : '—'}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
