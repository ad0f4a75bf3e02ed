import type { BatchOverview } from '../../../../shared/batch/batchDomain';
import { emptyResultsNote, missingOutputText } from '../../../../shared/batch/emptyResults';
import { profileCallsText } from '../../../../shared/billing/profileCalls';
import { ErrorBanner } from '../../components/Banner';
import { ModelSummaryTable } from './ModelSummaryTable';
import { SideBySide } from './SideBySide';
import { TierSummaryTable } from './TierSummaryTable';
import { useExperimentResults } from './useExperimentResults';

export function ResultsView({
  experimentId,
  revision,
  batch,
}: {
  experimentId: string;
  revision: number;
  /** The experiment's batch (null: none), for what to say while nothing is stored. */
  batch: BatchOverview | null;
}) {
  const { results, error } = useExperimentResults(experimentId, revision);
  if (error) return <ErrorBanner error={error} onDismiss={() => undefined} />;
  if (!results) return <p className="hint">Loading results…</p>;
  const c = results.experiment.config;
  if (results.runs.length === 0)
    return (
      <p className="empty-note" data-testid="results-empty">
        {emptyResultsNote(batch)}
      </p>
    );
  const throughProfile = profileCallsText(
    results.runs.filter((r) => r.profileArn).length,
    results.runs.length,
  );
  return (
    <div className="results" data-testid="results">
      {throughProfile && (
        <p className="hint" data-testid="results-profile-calls">
          {throughProfile}
        </p>
      )}
      <ModelSummaryTable
        runs={results.runs}
        teacherId={c.teacherModelId}
        studentIds={c.studentModelIds}
      />
      <TierSummaryTable runs={results.runs} prices={c.prices} />
      <SideBySide
        paragraphs={results.paragraphs}
        runs={results.runs}
        teacherId={c.teacherModelId}
        studentIds={c.studentModelIds}
        repeats={c.repeats}
        editedIds={new Set(results.editedParagraphIds)}
        missing={(modelId) => missingOutputText(batch, modelId)}
      />
    </div>
  );
}
