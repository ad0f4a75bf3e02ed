import { Bar } from 'react-chartjs-2';
import { formatCompactUsd, formatNumber, formatUsd } from '../../../../../shared/format';
import { axisWindow } from '../../../../../shared/chartAxis';
import type { SensitivityResult } from '../../../../../shared/roi';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import { BASE_OPTIONS, COLORS } from '../../../components/screenCharts/chartSetup';

const ROWS = 8;
const value = (x: number) => (Math.abs(x) >= 1 || x === 0 ? formatNumber(x, 2) : x.toPrecision(3));

/** The inputs that move NPV most, each at −20 % and +20 % with the rest at base, widest first. */
export function TornadoScreenChart({ tornado }: { tornado: SensitivityResult }) {
  const rows = tornado.byNpv.filter((r) => r.npvSpreadUsd > 0).slice(0, ROWS);
  const base = tornado.baseNpvUsd as number;
  // Zoomed to the bars (never stretched to include $0): far below zero they stay readable.
  const ends = [base, ...rows.flatMap((r) => [r.npvAtLowUsd as number, r.npvAtHighUsd as number])];
  const axis = axisWindow(ends, { format: (v) => formatUsd(v), name: 'the NPV axis' });
  const span = axis.max - axis.min;
  // Compact ticks repeat when the bars are small next to NPV itself; then show whole dollars.
  const tick = (v: number) =>
    span < Math.max(Math.abs(axis.min), Math.abs(axis.max)) / 20
      ? formatUsd(Math.round(v))
      : formatCompactUsd(v);
  return (
    <figure className="chart-box" data-testid="screen-chart-tornado">
      <figcaption>
        What moves NPV most
        <span className="chart-note">
          each input ±20 %, bars from the base NPV {formatUsd(base)}
        </span>
        {axis.zoomNote && (
          <span className="chart-note" data-testid="tornado-zoom">
            {axis.zoomNote}
          </span>
        )}
      </figcaption>
      <div className="chart-canvas chart-tall">
        <Bar
          aria-label="Tornado chart of NPV at each input's low and high value; figures below"
          data={{
            labels: rows.map((r) => r.label),
            datasets: [
              {
                label: 'Input at −20 %',
                data: rows.map((r) => [base, r.npvAtLowUsd as number] as [number, number]),
                backgroundColor: COLORS.low,
                borderSkipped: false,
                barPercentage: 0.9,
                categoryPercentage: 0.8,
                grouped: false,
              },
              {
                label: 'Input at +20 %',
                data: rows.map((r) => [base, r.npvAtHighUsd as number] as [number, number]),
                backgroundColor: COLORS.high,
                borderSkipped: false,
                barPercentage: 0.9,
                categoryPercentage: 0.8,
                grouped: false,
              },
            ],
          }}
          options={{
            ...BASE_OPTIONS,
            indexAxis: 'y',
            scales: {
              x: {
                title: { display: true, text: 'NPV (USD)' },
                min: axis.min,
                max: axis.max,
                ticks: { callback: (v) => tick(Number(v)) },
              },
              y: { ticks: { autoSkip: false } },
            },
            plugins: {
              ...BASE_OPTIONS.plugins,
              tooltip: {
                callbacks: {
                  label: (c) => {
                    const raw = c.raw as [number, number];
                    return `${c.dataset.label}: NPV ${formatUsd(raw[1])}`;
                  },
                },
              },
            },
          }}
        />
      </div>
      <ChartFigures
        caption="NPV with each input at its low and high value"
        head={[
          'Input',
          'Low → high value',
          'NPV at low (USD)',
          'NPV at high (USD)',
          'Spread (USD)',
        ]}
        rows={rows.map((r) => [
          r.label,
          `${value(r.lowValue)} → ${value(r.highValue)}`,
          formatUsd(r.npvAtLowUsd),
          formatUsd(r.npvAtHighUsd),
          formatUsd(r.npvSpreadUsd),
        ])}
        testId="tornado-figures"
      />
    </figure>
  );
}
