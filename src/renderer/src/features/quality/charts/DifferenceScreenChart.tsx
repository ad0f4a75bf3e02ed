import { Bar } from 'react-chartjs-2';
import { paragraphDifferences } from '../../../../../shared/quality/chartData';
import { formatSigned } from '../../../../../shared/quality/formatQuality';
import { fullLabel, type MetricInfo } from '../../../../../shared/quality/metricKeys';
import type { MetricReport } from '../../../../../shared/quality/reportSchema';
import { modelName } from '../../../../../shared/report/names';
import { ChartFigures } from '../../../components/screenCharts/ChartFigures';
import '../../../components/screenCharts/chartSetup';

interface DifferenceScreenChartProps {
  metric: MetricReport;
  info: MetricInfo;
  teacherId: string;
  studentId: string;
  positions: number[];
}

const BELOW = '#b42318';
const ABOVE = '#15803d';

/** Student minus teacher on each paragraph: where the student falls short, and by how much. */
export function DifferenceScreenChart({
  metric,
  info,
  teacherId,
  studentId,
  positions,
}: DifferenceScreenChartProps) {
  if (!info.teacherScored) {
    return (
      <figure className="chart-box" data-testid="screen-chart-difference">
        <figcaption>Per-paragraph difference</figcaption>
        <p className="hint">
          {fullLabel(info)} compares the student with the teacher itself; pick a metric the teacher
          is scored on too to see a difference.
        </p>
      </figure>
    );
  }
  const diffs = paragraphDifferences(
    metric.values[teacherId] ?? [],
    metric.values[studentId] ?? [],
  );
  const labels = diffs.map((d) => `#${(positions[d.index] ?? d.index) + 1}`);
  return (
    <figure className="chart-box" data-testid="screen-chart-difference">
      <figcaption>
        Per paragraph: {modelName(studentId)} minus teacher, {fullLabel(info)}
      </figcaption>
      <div className="chart-canvas">
        <Bar
          aria-label="Bar per paragraph of the student-minus-teacher difference; figures below"
          data={{
            labels,
            datasets: [
              {
                label: 'Student − teacher',
                data: diffs.map((d) => d.difference),
                backgroundColor: diffs.map((d) => (d.difference < 0 ? BELOW : ABOVE)),
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            plugins: { legend: { display: false } },
            scales: {
              x: { title: { display: true, text: 'Paragraph' } },
              y: { title: { display: true, text: 'Difference' } },
            },
          }}
        />
      </div>
      <ChartFigures
        testId="figures-difference"
        caption="Student minus teacher per paragraph"
        head={['Paragraph', 'Student − teacher (score)']}
        rows={diffs.map((d, i) => [labels[i] ?? '', formatSigned(d.difference, info.decimals)])}
      />
    </figure>
  );
}
