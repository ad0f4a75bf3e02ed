import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ResultsView } from '../results/ResultsView';
import { RunPanel } from './RunPanel';
import { BatchJobPanel } from './BatchJobPanel';
import { modelName } from '../../../../shared/report/names';
import { useRunProgress } from './useRunProgress';
import type { BatchOverview } from '../../../../shared/batch/batchDomain';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import { useQuery } from '../../api/useQuery';

/** One experiment: what it compares, its run, and its results (re-read as calls complete). */
export function ExperimentDetail({
  experimentId,
  onChanged,
}: {
  experimentId: string;
  onChanged: () => void;
}) {
  const [summary, setSummary] = useState<ExperimentSummary | null>(null);
  const [progress, setProgress] = useRunProgress(experimentId);
  const [batchStored, setBatchStored] = useState(0);
  const [batch, setBatch] = useState<BatchOverview | null>(null);
  const { run, error, setError } = useCall();

  useQuery(() => api.listExperiments({}), [experimentId], {
    onData: (list) => setSummary(list.find((e) => e.id === experimentId) ?? null),
  });

  // When the other process finishes, the experiment list's status changes too.
  const elsewhere = progress?.runningElsewhere === true;
  const wasElsewhere = useRef(false);
  useEffect(() => {
    if (wasElsewhere.current && !elsewhere) onChanged();
    wasElsewhere.current = elsewhere;
  }, [elsewhere, onChanged]);

  const remove = async () => {
    if (await run(() => api.deleteExperiment({ id: experimentId }))) onChanged();
  };

  if (!summary) return <p className="hint">Loading…</p>;
  const c = summary.config;
  return (
    <section className="pane editor" aria-label="Experiment" data-testid="experiment-detail">
      <header className="editor-head">
        <div>
          <h2>{c.name}</h2>
          <p className="editor-summary">
            {modelName(c.teacherModelId)} → {c.studentModelIds.map(modelName).join(', ')} ·{' '}
            {summary.datasetName} · {c.region} · {c.repeats}{' '}
            {c.repeats === 1 ? 'repeat' : 'repeats'}
          </p>
        </div>
        <div className="editor-actions">
          <ConfirmButton
            label="Delete"
            confirmLabel="Delete experiment and its results"
            testId="delete-experiment"
            onConfirm={() => void remove()}
          />
        </div>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <RunPanel
        experimentId={experimentId}
        progress={progress}
        setProgress={setProgress}
        onChanged={onChanged}
      />
      <BatchJobPanel
        experimentId={experimentId}
        settled={progress && progress.status !== 'running' ? progress.done : null}
        onStored={setBatchStored}
        onOverview={setBatch}
      />
      <ResultsView
        experimentId={experimentId}
        revision={(progress?.done ?? 0) + batchStored}
        batch={batch?.experimentId === experimentId ? batch : null}
      />
    </section>
  );
}
