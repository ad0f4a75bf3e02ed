import { Scatter } from 'react-chartjs-2';
import { formatUsd } from '../../../../../shared/format';
import { axisWindow } from '../../../../../shared/chartAxis';
import { costQualityPoints, efficientModels } from '../../../../../shared/quality/chartData';
import { formatScore } from '../../../../../shared/quality/formatQuality';
import { fullLabel, type MetricInfo } from '../../../../../shared/quality/metricKeys';
import type { MetricReport, QualityReport } from '../../../../../shared/quality/reportSchema';
import { modelName } from '../../../../../shared/report/names';
import { colorFor } from '../modelColors';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import '../../../components/screenCharts/chartSetup';

interface CostQualityScreenChartProps {
  report: QualityReport;
  metric: MetricReport;
  info: MetricInfo;
}

/**
 * Every model of the experiment by cost per 1,000 requests and mean quality. Efficient models
 * (no other is both cheaper and at least as good) are drawn larger with a ring.
 */
export function CostQualityScreenChart({ report, metric, info }: CostQualityScreenChartProps) {
  const points = costQualityPoints(report.costs, metric);
  const efficient = efficientModels(points);
  const placed = points.filter((p) => p.costPer1kRequestsUsd !== null && p.quality !== null);
  // Padded so no dot sits on an edge; zoomed only when the data needs it, and then it says so.
  const yAxis = axisWindow(
    placed.map((p) => p.quality as number),
    {
      floor: info.min,
      ceiling: info.max,
      format: (v) => formatScore(v, info.decimals),
      name: 'the quality axis',
    },
  );
  const colour = (id: string) => colorFor(id, report.teacherModelId, report.studentModelIds);
  return (
    <figure className="chart-box" data-testid="screen-chart-cost-quality">
      <figcaption>
        Quality against cost per 1,000 requests ({fullLabel(info)}){' '}
        {yAxis.zoomNote && (
          <span className="chart-note" data-testid="cost-quality-zoom">
            {yAxis.zoomNote}
          </span>
        )}
      </figcaption>
      <div className="chart-canvas">
        <Scatter
          aria-label="Scatter of cost per 1,000 requests against mean quality per model; figures below"
          data={{
            datasets: placed.map((p) => ({
              label: `${modelName(p.id)}${efficient.has(p.id) ? ' (efficient)' : ''}`,
              data: [{ x: p.costPer1kRequestsUsd as number, y: p.quality as number }],
              backgroundColor: colour(p.id),
              borderColor: efficient.has(p.id) ? '#1c2430' : colour(p.id),
              borderWidth: efficient.has(p.id) ? 3 : 1,
              pointRadius: efficient.has(p.id) ? 9 : 6,
              clip: false as const,
            })),
          }}
          options={{
            maintainAspectRatio: false,
            layout: { padding: 12 },
            scales: {
              x: {
                title: { display: true, text: 'Cost per 1,000 requests (USD)' },
                beginAtZero: true,
                // Room to the right of the dearest model, so its dot is never cut in half.
                grace: '10%',
              },
              y: {
                title: {
                  display: true,
                  text: `Mean ${info.label}${yAxis.min > 0 ? ` (axis from ${formatScore(yAxis.min, info.decimals)}, not 0)` : ''}`,
                },
                min: yAxis.min,
                max: yAxis.max,
              },
            },
          }}
        />
      </div>
      <ChartFigures
        testId="figures-cost-quality"
        caption="Cost per 1,000 requests and mean quality per model"
        head={['Model', 'Cost per 1,000 requests (USD)', `Mean ${info.label} (score)`, 'Efficient']}
        rows={points.map((p) => [
          modelName(p.id),
          p.costPer1kRequestsUsd === null ? '—' : formatUsd(p.costPer1kRequestsUsd),
          p.quality === null ? 'not enough data' : formatScore(p.quality, info.decimals),
          efficient.has(p.id) ? 'yes' : 'no',
        ])}
      />
    </figure>
  );
}
