import { useEffect, useRef, useState } from 'react';
import type { MetricKey } from '../../../../shared/quality/metricKeys';
import { defaultMetric } from '../../../../shared/quality/reportViews';
import { ErrorBanner } from '../../components/Banner';
import { BlindRating } from './BlindRating';
import { JudgePanel } from './JudgePanel';
import { MetricPicker } from './MetricPicker';
import { ParagraphScoresTable } from './ParagraphScoresTable';
import { SummaryTab } from './SummaryTab';
import { useQuality } from './useQuality';

export type QualityTab = 'summary' | 'paragraphs' | 'judge' | 'rate';

interface QualityViewProps {
  experimentId: string;
  tab: QualityTab;
}

/** One experiment's quality: the chosen tab over one report, kept current as runs and judging arrive. */
export function QualityView({ experimentId, tab }: QualityViewProps) {
  const { report, setup, error, setError, reload, saveSettings } = useQuality(experimentId);
  const [metric, setMetric] = useState<MetricKey | null>(null);
  const [studentId, setStudentId] = useState<string | null>(null);

  // Ratings and judge settings change what the other tabs show: read again on every switch
  // (not on the first render, which has just read).
  const shownTab = useRef(tab);
  useEffect(() => {
    if (shownTab.current === tab) return;
    shownTab.current = tab;
    reload();
  }, [tab, reload]);

  if (!report || !setup) {
    return error ? (
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    ) : (
      <p className="hint">Scoring…</p>
    );
  }
  const shownMetric =
    metric && report.metrics.some((m) => m.key === metric) ? metric : defaultMetric(report);
  const shownStudent =
    studentId && report.studentModelIds.includes(studentId)
      ? studentId
      : (report.studentModelIds[0] ?? '');
  const noOutputs = report.costs.every((c) => c.calls === 0);

  return (
    <div className="quality-view" data-testid="quality-view" data-experiment={experimentId}>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {noOutputs && tab !== 'judge' && (
        <p className="empty-note">
          No outputs yet. Run the experiment (Experiments screen) to score it here.
        </p>
      )}
      {tab === 'summary' && (
        <SummaryTab
          report={report}
          metric={shownMetric}
          studentId={shownStudent}
          onMetric={setMetric}
          onStudent={setStudentId}
          onSave={(s) => void saveSettings(s)}
        />
      )}
      {tab === 'paragraphs' && (
        <>
          <MetricPicker
            report={report}
            metric={shownMetric}
            studentId={shownStudent}
            onMetric={setMetric}
            onStudent={setStudentId}
          />
          <ParagraphScoresTable report={report} metric={shownMetric} studentId={shownStudent} />
        </>
      )}
      {tab === 'judge' && (
        <JudgePanel
          report={report}
          setup={setup}
          onSave={(judge) => saveSettings({ ...setup.settings, judge })}
          onChanged={reload}
        />
      )}
      {tab === 'rate' && <BlindRating report={report} lastRater={setup.lastRater} />}
    </div>
  );
}
