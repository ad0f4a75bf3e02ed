import { Line } from 'react-chartjs-2';
import {
  formatCompactNumber,
  formatBreakEvenRequests,
  formatCompactUsd,
  formatNumber,
  formatUsd,
} from '../../../../../shared/format';
import type { CostVsVolumeSeries } from '../../../../../shared/roi';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import { BASE_OPTIONS, COLORS, verticalMarker } from '../../../components/screenCharts/chartSetup';

interface CostVolumeScreenChartProps {
  series: CostVsVolumeSeries;
}

/** Every fifth point, plus today's volume and the break-even, in volume order. */
function tableRows(s: CostVsVolumeSeries): string[][] {
  const today = s.current;
  const rows = s.points
    .filter((p, i) => i % 5 === 0 && p.requestsPerMonth !== today.requestsPerMonth)
    .map((p) => ({
      label: formatNumber(p.requestsPerMonth),
      v: p.requestsPerMonth,
      t: p.teacherUsd,
      s: p.studentUsd,
    }));
  rows.push({
    label: `${formatNumber(today.requestsPerMonth)} (today)`,
    v: today.requestsPerMonth,
    t: today.teacherUsd,
    s: today.studentUsd,
  });
  const be = s.breakEven;
  if (be) {
    const label = `${formatBreakEvenRequests(be.requestsPerMonth)} (break-even)`;
    rows.push({ label, v: be.requestsPerMonth, t: be.monthlyUsd, s: be.monthlyUsd });
  }
  return rows.sort((a, b) => a.v - b.v).map((r) => [r.label, formatUsd(r.t), formatUsd(r.s)]);
}

/** Monthly cost of each against volume; the lines cross at the break-even volume. */
export function CostVolumeScreenChart({ series }: CostVolumeScreenChartProps) {
  const xy = (f: (p: CostVsVolumeSeries['points'][number]) => number) =>
    series.points.map((p) => ({ x: p.requestsPerMonth as number, y: f(p) }));
  const top = Math.max(...series.points.map((p) => Math.max(p.teacherUsd, p.studentUsd)));
  const be = series.breakEven;
  return (
    <figure className="chart-box" data-testid="screen-chart-cost-volume">
      <figcaption>
        Monthly cost against volume
        <span className="chart-note">
          {be
            ? `break-even at ${formatBreakEvenRequests(be.requestsPerMonth)} requests/month`
            : 'no break-even in view'}
          {series.stepped && ' · the student’s line steps up at each provisioned unit'}
        </span>
      </figcaption>
      <div className="chart-canvas">
        <Line
          aria-label="Line chart of monthly cost against requests per month; figures below"
          data={{
            datasets: [
              {
                label: 'Teacher',
                data: xy((p) => p.teacherUsd),
                borderColor: COLORS.teacher,
                backgroundColor: COLORS.teacher,
                pointRadius: 0,
                borderWidth: 2,
              },
              {
                label: series.stepped
                  ? 'Student (units for the volume, investment ÷ horizon)'
                  : 'Student (with investment ÷ horizon)',
                data: xy((p) => p.studentUsd),
                borderColor: COLORS.student,
                backgroundColor: COLORS.student,
                pointRadius: 0,
                borderWidth: 2,
              },
              {
                label: 'Break-even',
                data: be ? [{ x: be.requestsPerMonth as number, y: be.monthlyUsd as number }] : [],
                borderColor: '#1c2430',
                backgroundColor: '#fff',
                pointRadius: 6,
                pointBorderWidth: 2,
                showLine: false,
              },
              verticalMarker('Today', series.currentRequestsPerMonth as number, 0, top),
            ],
          }}
          options={{
            ...BASE_OPTIONS,
            scales: {
              x: {
                type: 'linear',
                min: 0,
                title: { display: true, text: 'Requests per month' },
                ticks: { callback: (v) => formatCompactNumber(Number(v)) },
              },
              y: {
                min: 0,
                title: { display: true, text: 'USD per month' },
                ticks: { callback: (v) => formatCompactUsd(Number(v)) },
              },
            },
            plugins: {
              ...BASE_OPTIONS.plugins,
              tooltip: {
                callbacks: {
                  label: (c) =>
                    `${c.dataset.label}: ${formatUsd(c.parsed.y ?? 0)} at ${formatNumber(c.parsed.x ?? 0)}/month`,
                },
              },
            },
          }}
        />
      </div>
      <ChartFigures
        caption="Monthly cost of the teacher and the student by volume"
        head={['Requests per month', 'Teacher (USD / month)', 'Student (USD / month)']}
        rows={tableRows(series)}
        testId="cost-volume-figures"
      />
      <p className="chart-foot">The student’s line includes {series.studentLineIncludes}.</p>
    </figure>
  );
}
