import { useEffect, useState } from 'react';
import { runStateText } from '../../../../shared/domain/runStateText';
import type { Dataset } from '../../../../shared/domain/dataset';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import { formatNumber, formatUsd } from '../../../../shared/format';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { useChoice } from '../../workspace/workspace';
import { ExperimentDetail } from './ExperimentDetail';
import { ExperimentSetup } from './ExperimentSetup';
import { useAllProgress } from './progressStore';
import { useQuery } from '../../api/useQuery';

/** Experiments: the list, a new one's setup, and the selected one's run and results. */
export function ExperimentsScreen() {
  const [experiments, setExperiments] = useState<ExperimentSummary[] | null>(null);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  // "new" is this screen's own; an experiment chosen here (or on Quality, Report) is remembered.
  const [remembered, remember] = useChoice('experiment');
  const [setup, setSetup] = useState(false);
  const chosen = setup ? 'new' : remembered;
  const setChosen = (id: string | 'new' | null) => {
    setSetup(id === 'new');
    if (id !== 'new') remember(id);
  };
  const [revision, setRevision] = useState(0);
  const { error, setError } = useCall();
  const progress = useAllProgress();

  useQuery(() => api.listExperiments({}), [revision], {
    onData: setExperiments,
    onError: setError,
  });
  useQuery(() => api.listDatasets({}), [revision], { onData: setDatasets });

  const refresh = () => setRevision((n) => n + 1);

  // A status change (started, paused, completed…) changes the list's line for that experiment.
  useEffect(() => {
    const last = new Map<string, string>();
    return api.onEvent((e) => {
      if (e.type !== 'runProgress') return;
      const { experimentId, status } = e.progress;
      if (last.get(experimentId) !== status) {
        last.set(experimentId, status);
        setRevision((n) => n + 1);
      }
    });
  }, []);
  const selected =
    chosen === 'new'
      ? 'new'
      : (experiments?.find((e) => e.id === chosen)?.id ?? experiments?.[0]?.id ?? null);
  const showSetup = selected === 'new' || (experiments !== null && experiments.length === 0);

  return (
    <section
      className="screen"
      data-app-state={experiments ? 'ready' : 'loading'}
      data-testid="experiments-screen"
    >
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="two-pane">
        <aside className="pane dataset-list" aria-label="Experiments">
          <h2 className="pane-title">Experiments</h2>
          <ul data-testid="experiment-list">
            {(experiments ?? []).map((e) => {
              // The live snapshot the run panel shows, else what the store said at load.
              const p = progress.get(e.id) ?? e;
              return (
                <li key={e.id}>
                  <button
                    type="button"
                    className={e.id === selected ? 'dataset-item active' : 'dataset-item'}
                    aria-current={e.id === selected ? 'true' : undefined}
                    onClick={() => setChosen(e.id)}
                  >
                    <span className="dataset-name">{e.config.name}</span>
                    <span className="dataset-count" data-testid="experiment-list-progress">
                      {runStateText(p).toLowerCase()} · {formatNumber(p.done)}/
                      {formatNumber(p.total)} calls · {formatUsd(p.spentUsd)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="new-experiment"
            onClick={() => setChosen('new')}
          >
            New experiment
          </button>
        </aside>
        {showSetup &&
          (datasets.some((d) => d.paragraphCount > 0) ? (
            <ExperimentSetup
              datasets={datasets}
              onCancel={() => setChosen(null)}
              onCreated={(id) => {
                setChosen(id);
                refresh();
              }}
            />
          ) : (
            <p className="pane empty-note">
              Add a dataset with at least one paragraph first (Paragraphs screen).
            </p>
          ))}
        {!showSetup && selected && selected !== 'new' && (
          <ExperimentDetail key={selected} experimentId={selected} onChanged={refresh} />
        )}
      </div>
    </section>
  );
}
