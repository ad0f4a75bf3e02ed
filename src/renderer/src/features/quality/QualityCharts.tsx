import { metricInfo, type MetricKey } from '../../../../shared/quality/metricKeys';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { CostQualityScreenChart } from './charts/CostQualityScreenChart';
import { DifferenceScreenChart } from './charts/DifferenceScreenChart';
import { ScoreDistributionScreenChart } from './charts/ScoreDistributionScreenChart';

interface QualityChartsProps {
  report: QualityReport;
  metric: MetricKey;
  studentId: string;
}

/** The three quality charts for the chosen metric and student. */
export function QualityCharts({ report, metric, studentId }: QualityChartsProps) {
  const m = report.metrics.find((x) => x.key === metric);
  if (!m) return null;
  const info = metricInfo(metric);
  return (
    <div className="chart-grid" data-testid="quality-charts">
      <ScoreDistributionScreenChart
        metric={m}
        info={info}
        teacherId={report.teacherModelId}
        studentIds={report.studentModelIds}
      />
      <DifferenceScreenChart
        metric={m}
        info={info}
        teacherId={report.teacherModelId}
        studentId={studentId}
        positions={report.paragraphs.map((p) => p.position)}
      />
      <CostQualityScreenChart report={report} metric={m} info={info} />
    </div>
  );
}
