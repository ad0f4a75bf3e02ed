import { Bar } from 'react-chartjs-2';
import { binsForScale, fixedHistogram } from '../../../../../shared/quality/chartData';
import { formatScore } from '../../../../../shared/quality/formatQuality';
import { fullLabel, type MetricInfo } from '../../../../../shared/quality/metricKeys';
import type { MetricReport } from '../../../../../shared/quality/reportSchema';
import { modelName } from '../../../../../shared/report/names';
import { colorFor } from '../modelColors';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import '../../../components/screenCharts/chartSetup';

interface ScoreDistributionScreenChartProps {
  metric: MetricReport;
  info: MetricInfo;
  teacherId: string;
  studentIds: string[];
}

/** How each model's per-paragraph scores spread over the metric's scale, in shared bins. */
export function ScoreDistributionScreenChart({
  metric,
  info,
  teacherId,
  studentIds,
}: ScoreDistributionScreenChartProps) {
  const models = Object.keys(metric.values);
  const bins = binsForScale(info.min, info.max);
  const histograms = models.map((id) =>
    fixedHistogram(metric.values[id] ?? [], info.min, info.max, bins),
  );
  const labels = (histograms[0] ?? []).map(
    (b) => `${formatScore(b.from, 1)}–${formatScore(b.to, 1)}`,
  );
  return (
    <figure className="chart-box" data-testid="screen-chart-distribution">
      <figcaption>Score distribution: {fullLabel(info)} (paragraphs per score range)</figcaption>
      <div className="chart-canvas">
        <Bar
          aria-label={`Histogram of ${info.label} per model; figures below`}
          data={{
            labels,
            datasets: models.map((id, k) => ({
              label: modelName(id),
              data: (histograms[k] ?? []).map((b) => b.count),
              backgroundColor: colorFor(id, teacherId, studentIds),
            })),
          }}
          options={{
            maintainAspectRatio: false,
            scales: {
              x: { title: { display: true, text: info.label } },
              y: { title: { display: true, text: 'Paragraphs' }, ticks: { precision: 0 } },
            },
          }}
        />
      </div>
      <ChartFigures
        testId="figures-distribution"
        caption={`Paragraphs per ${info.label} range and model`}
        head={['Score range', ...models.map((id) => `${modelName(id)} (outputs)`)]}
        rows={labels.map((l, i) => [l, ...histograms.map((h) => h[i]?.count ?? 0)])}
      />
    </figure>
  );
}
