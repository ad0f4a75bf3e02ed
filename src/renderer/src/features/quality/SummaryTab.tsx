import { formatNumber, formatPercent, formatUsd } from '../../../../shared/format';
import { PAIRED_T_METHOD } from '../../../../shared/metrics/pairedInterval';
import type { MetricKey } from '../../../../shared/quality/metricKeys';
import type { QualitySettings } from '../../../../shared/quality/qualitySettings';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { emptyGroups } from '../../../../shared/quality/reportViews';
import { ComparisonTable } from './ComparisonTable';
import { DecisionSettings } from './DecisionSettings';
import { MetricPicker } from './MetricPicker';
import { ModelMetricTable } from './ModelMetricTable';
import { PreferencesTable } from './PreferencesTable';
import { QualityCharts } from './QualityCharts';
import { StatsSettings } from './StatsSettings';

interface SummaryTabProps {
  report: QualityReport;
  metric: MetricKey;
  studentId: string;
  onMetric: (m: MetricKey) => void;
  onStudent: (id: string) => void;
  onSave: (s: QualitySettings) => void;
}

const WHERE: Record<string, string> = {
  'ROUGE vs reference': 'no paragraph has a reference summary',
  'ROUGE vs teacher': 'no student output has a teacher output to compare with yet',
  'LLM judge': 'run the judge (Judge tab)',
  'Your ratings': 'rate outputs blind (Rate tab)',
};

/** Why the judge's group is empty: never run, or run with no readable answer. */
function judgeMissing(j: QualityReport['judge']): string {
  if (j.failures + j.errors === 0) return 'run the judge (Judge tab)';
  return `the judge gave no readable answer: ${formatNumber(j.failures)} unreadable, ${formatNumber(j.errors)} without an answer (read them and retry on the Judge tab)`;
}

/** The quality summary: tables with intervals, head-to-head verdicts, charts, and the stats settings. */
export function SummaryTab({
  report,
  metric,
  studentId,
  onMetric,
  onStudent,
  onSave,
}: SummaryTabProps) {
  const o = report.options;
  const missing = emptyGroups(report);
  const saveBar = (key: MetricKey, bar: number) =>
    onSave({ ...report.settings, bars: { ...report.settings.bars, [key]: bar } });
  return (
    <div className="quality-summary" data-testid="quality-summary">
      <p className="quality-facts" data-testid="quality-facts">
        {formatNumber(report.paragraphs.length)} paragraphs · {formatPercent(o.confidence, 0)}{' '}
        intervals: student − teacher by {PAIRED_T_METHOD}, means and shares by percentile bootstrap
        over paragraphs ({formatNumber(o.resamples)} resamples, seed {o.seed}) · fewer than{' '}
        {o.minParagraphs} paragraphs: “not enough data” · ROUGE F1{' '}
        {o.rougeStemmed ? 'with Porter stemming' : 'without stemming'} · comparison cost{' '}
        {formatUsd(report.comparisonCostUsd)}, judge cost {formatUsd(report.judge.costUsd)}
        {report.raters.length > 0 && <> · rated by {report.raters.join(', ')}</>}
        {report.judge.answered + report.judge.failures + report.judge.errors > 0 && (
          <span data-testid="quality-judge-counts">
            {' '}
            · judge answers: {formatNumber(report.judge.answered)} scored,{' '}
            {formatNumber(report.judge.failures)} unreadable, {formatNumber(report.judge.errors)}{' '}
            without an answer
          </span>
        )}
      </p>
      {missing.length > 0 && (
        <p className="hint" data-testid="quality-missing">
          Not shown:{' '}
          {missing
            .map((g) => {
              const why = g === 'LLM judge' ? judgeMissing(report.judge) : WHERE[g];
              return `${g} (${why ?? 'no data'})`;
            })
            .join('; ')}
          .
        </p>
      )}
      <ModelMetricTable report={report} />
      {studentId && <ComparisonTable report={report} studentId={studentId} onBar={saveBar} />}
      <PreferencesTable report={report} />
      {studentId && <DecisionSettings report={report} studentId={studentId} onSave={onSave} />}
      <StatsSettings
        key={`${report.settings.seed}|${report.settings.rougeStemmed}`}
        settings={report.settings}
        onSave={onSave}
      />
      <h3 className="section-title">Charts</h3>
      <MetricPicker
        report={report}
        metric={metric}
        studentId={studentId}
        onMetric={onMetric}
        onStudent={onStudent}
      />
      <QualityCharts report={report} metric={metric} studentId={studentId} />
    </div>
  );
}
