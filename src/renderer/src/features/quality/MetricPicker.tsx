import type { MetricKey } from '../../../../shared/quality/metricKeys';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { groupedMetrics } from '../../../../shared/quality/reportViews';
import { modelName } from '../../../../shared/report/names';

interface MetricPickerProps {
  report: QualityReport;
  metric: MetricKey;
  studentId: string;
  onMetric: (m: MetricKey) => void;
  onStudent: (id: string) => void;
}

/** Which metric the charts and the paragraph table show, and which student is compared. */
export function MetricPicker({
  report,
  metric,
  studentId,
  onMetric,
  onStudent,
}: MetricPickerProps) {
  return (
    <div className="toolbar">
      <label className="row">
        Metric
        <select
          className="input"
          data-testid="metric-picker"
          value={metric}
          onChange={(e) => onMetric(e.target.value as MetricKey)}
        >
          {groupedMetrics(report).map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.metrics.map(({ info }) => (
                <option key={info.key} value={info.key}>
                  {info.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {report.studentModelIds.length > 1 && (
        <label className="row">
          Student
          <select
            className="input"
            data-testid="student-picker"
            value={studentId}
            onChange={(e) => onStudent(e.target.value)}
          >
            {report.studentModelIds.map((id) => (
              <option key={id} value={id}>
                {modelName(id)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
