import { Bar } from 'react-chartjs-2';
import { formatCompactUsd, formatNumber, formatUsd } from '../../../../../shared/format';
import type { MonteCarloResult } from '../../../../../shared/roi';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import { BASE_OPTIONS, COLORS } from '../../../components/screenCharts/chartSetup';

/** The distribution of the first month's saving over the draws, P5–P95 in full colour. */
export function MonteCarloScreenChart({ result }: { result: MonteCarloResult }) {
  const bins = result.histograms.monthlySavingUsd;
  const { p5, p50, p95 } = result.monthlySavingUsd;
  const inBand = (b: (typeof bins)[number]) => b.to >= p5 && b.from <= p95;
  const holds = (b: (typeof bins)[number], x: number) => b.from <= x && x <= b.to;
  return (
    <>
      <div className="chart-canvas">
        <Bar
          aria-label="Histogram of the simulated monthly saving; figures below"
          data={{
            labels: bins.map((b) => formatCompactUsd((b.from + b.to) / 2)),
            datasets: [
              {
                label: 'Draws',
                data: bins.map((b) => b.count),
                backgroundColor: bins.map((b) =>
                  holds(b, p50) ? '#1d3f91' : inBand(b) ? COLORS.accent : '#c5d1ee',
                ),
                barPercentage: 1,
                categoryPercentage: 1,
              },
            ],
          }}
          options={{
            ...BASE_OPTIONS,
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: {
                  title: (items) => {
                    const b = bins[items[0]?.dataIndex ?? 0];
                    return b ? `${formatUsd(b.from)} to ${formatUsd(b.to)}` : '';
                  },
                  label: (c) => `${formatNumber(Number(c.raw))} draws`,
                },
              },
            },
            scales: {
              x: {
                title: { display: true, text: 'Saving in month 1 (USD)' },
                ticks: { maxRotation: 0, autoSkipPadding: 8 },
              },
              y: { title: { display: true, text: 'Draws' }, beginAtZero: true },
            },
          }}
        />
      </div>
      <ChartFigures
        caption="Simulated monthly saving: draws per range"
        head={['Monthly saving from (USD)', 'to (USD)', 'Draws']}
        rows={bins.map((b) => [formatUsd(b.from), formatUsd(b.to), formatNumber(b.count)])}
        testId="monte-carlo-figures"
      />
    </>
  );
}
