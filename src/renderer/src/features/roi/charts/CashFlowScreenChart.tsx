import { Line } from 'react-chartjs-2';
import { formatCompactUsd, formatMonths, formatUsd } from '../../../../../shared/format';
import type { CashFlowSeries } from '../../../../../shared/roi';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import { BASE_OPTIONS, COLORS, verticalMarker } from '../../../components/screenCharts/chartSetup';

/** Cumulative (discounted) cash flow month by month: −investment at 0, payback where it crosses 0. */
export function CashFlowScreenChart({ series }: { series: CashFlowSeries }) {
  const points = series.points.map((p) => ({ x: p.month, y: p.cumulativeUsd as number }));
  const ys = points.map((p) => p.y);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(0, ...ys);
  const pb = series.payback;
  return (
    <figure className="chart-box" data-testid="screen-chart-cash-flow">
      <figcaption>
        Cumulative cash flow
        <span className="chart-note">
          {pb
            ? `pays back after ${formatMonths(pb.months)}`
            : `no payback within ${series.points.length - 1} months`}
        </span>
      </figcaption>
      <div className="chart-canvas">
        <Line
          aria-label="Line chart of cumulative cash flow by month; figures below"
          data={{
            datasets: [
              {
                label: 'Cumulative cash flow',
                data: points,
                borderColor: COLORS.accent,
                backgroundColor: 'rgba(47, 95, 208, 0.12)',
                fill: {
                  target: 'origin',
                  above: 'rgba(21, 128, 61, 0.12)',
                  below: 'rgba(180, 35, 24, 0.10)',
                },
                pointRadius: 0,
                borderWidth: 2,
              },
              {
                label: 'Payback',
                data: pb ? [{ x: pb.months as number, y: 0 }] : [],
                borderColor: '#1c2430',
                backgroundColor: '#fff',
                pointRadius: 6,
                pointBorderWidth: 2,
                showLine: false,
              },
              verticalMarker('Horizon', series.horizonMonths, lo, hi),
            ],
          }}
          options={{
            ...BASE_OPTIONS,
            scales: {
              x: {
                type: 'linear',
                min: 0,
                max: points.length - 1,
                title: { display: true, text: 'Month' },
              },
              y: {
                title: { display: true, text: 'USD, cumulative' },
                ticks: { callback: (v) => formatCompactUsd(Number(v)) },
              },
            },
            plugins: {
              ...BASE_OPTIONS.plugins,
              tooltip: {
                callbacks: {
                  label: (c) =>
                    `${c.dataset.label}: ${formatUsd(c.parsed.y ?? 0)} at month ${(c.parsed.x ?? 0).toFixed(1)}`,
                },
              },
            },
          }}
        />
      </div>
      <ChartFigures
        caption="Cumulative cash flow by month"
        head={['Month', 'Cumulative cash flow (USD)']}
        rows={[
          ...series.points.map((p) => [String(p.month), formatUsd(p.cumulativeUsd)]),
          ...(pb ? [[`${formatMonths(pb.months)} (payback)`, formatUsd(0)]] : []),
        ]}
        testId="cash-flow-figures"
      />
    </figure>
  );
}
