import { Bar } from 'react-chartjs-2';
import {
  differenceHistogram,
  MAX_DIFFERENCE_BARS,
  paragraphDifferences,
  type ParagraphDifference,
} from '../../../../../shared/quality/chartData';
import { formatNumber } from '../../../../../shared/format';
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

/** Both charts: no legend (one series), both axes titled. */
const axes = (x: string, y: string) => ({
  maintainAspectRatio: false,
  plugins: { legend: { display: false } },
  scales: {
    x: { title: { display: true, text: x } },
    y: { title: { display: true, text: y } },
  },
});

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
  if (diffs.length > MAX_DIFFERENCE_BARS) {
    return <DifferenceHistogram diffs={diffs} info={info} studentId={studentId} />;
  }
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
          options={axes('Paragraph', 'Difference')}
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

/** The same differences over many paragraphs: how many fall in each band, below and above 0. */
function DifferenceHistogram({
  diffs,
  info,
  studentId,
}: {
  diffs: readonly ParagraphDifference[];
  info: MetricInfo;
  studentId: string;
}) {
  const bins = differenceHistogram(diffs, info.min, info.max);
  // Bands are tenths (ROUGE) or half points (1–5 scores): one decimal names each edge exactly.
  const labels = bins.map((b) => `${formatSigned(b.from, 1)} to ${formatSigned(b.to, 1)}`);
  return (
    <figure className="chart-box" data-testid="screen-chart-difference">
      <figcaption>
        {modelName(studentId)} minus teacher, {fullLabel(info)}: {formatNumber(diffs.length)}{' '}
        paragraphs by difference (each is in the per-paragraph table)
      </figcaption>
      <div className="chart-canvas">
        <Bar
          aria-label="Histogram of the student-minus-teacher differences; figures below"
          data={{
            labels,
            datasets: [
              {
                label: 'Paragraphs',
                data: bins.map((b) => b.count),
                backgroundColor: bins.map((b) => (b.to <= 0 ? BELOW : ABOVE)),
              },
            ],
          }}
          options={axes('Student − teacher', 'Paragraphs')}
        />
      </div>
      <ChartFigures
        testId="figures-difference"
        caption="Paragraphs by student-minus-teacher difference"
        head={['Student − teacher', 'Paragraphs']}
        rows={bins.map((b, i) => [labels[i] ?? '', formatNumber(b.count)])}
      />
    </figure>
  );
}
