import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ResultsView } from '../results/ResultsView';
import { RunPanel } from './RunPanel';
import { modelName } from './ModelPicker';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';

/** One experiment: what it compares, its run, and its results (re-read as calls complete). */
export function ExperimentDetail({
  experimentId,
  onChanged,
}: {
  experimentId: string;
  onChanged: () => void;
}) {
  const [summary, setSummary] = useState<ExperimentSummary | null>(null);
  const [done, setDone] = useState(0);

  useEffect(() => {
    let live = true;
    void api.listExperiments({}).then((r) => {
      if (live && r.ok) setSummary(r.value.find((e) => e.id === experimentId) ?? null);
    });
    const off = api.onEvent((e) => {
      if (e.type === 'runProgress' && e.progress.experimentId === experimentId)
        setDone(e.progress.done);
    });
    return () => {
      live = false;
      off();
    };
  }, [experimentId]);

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
            onConfirm={() => void api.deleteExperiment({ id: experimentId }).then(onChanged)}
          />
        </div>
      </header>
      <RunPanel experimentId={experimentId} onChanged={onChanged} />
      <ResultsView experimentId={experimentId} revision={done} />
    </section>
  );
}
