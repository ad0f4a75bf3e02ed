import { useState } from 'react';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useChoice } from '../../workspace/workspace';
import { ErrorBanner } from '../../components/Banner';
import { QualityView, type QualityTab } from './QualityView';
import { onRovingKeyDown, rovingTabIndex } from '../../components/rovingKeys';
import { useQuery } from '../../api/useQuery';
import { formatNumber } from '../../../../shared/format';

const TABS: { id: QualityTab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'paragraphs', label: 'Per paragraph' },
  { id: 'judge', label: 'LLM judge' },
  { id: 'rate', label: 'Rate blind' },
];

/** Quality: pick an experiment, then its summary, per-paragraph scores, judge and blind rating. */
export function QualityScreen() {
  const [experiments, setExperiments] = useState<ExperimentSummary[] | null>(null);
  // The experiment chosen on any screen stays chosen here.
  const [chosen, setChosen] = useChoice('experiment');
  const [tab, setTab] = useState<QualityTab>('summary');
  const { error, setError } = useCall();

  useQuery(() => api.listExperiments({}), [], { onData: setExperiments, onError: setError });

  const selected = experiments?.find((e) => e.id === chosen)?.id ?? experiments?.[0]?.id ?? null;
  return (
    <section
      className="screen quality-screen"
      data-app-state={experiments ? 'ready' : 'loading'}
      data-testid="quality-screen"
    >
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <header className="quality-head">
        <h1>Quality</h1>
        {experiments && experiments.length > 0 && (
          <label className="row">
            Experiment
            <select
              className="input"
              data-testid="quality-experiment"
              value={selected ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {experiments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.config.name} · {e.datasetName} · {formatNumber(e.done)}/{formatNumber(e.total)}{' '}
                  calls
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {experiments && experiments.length === 0 && (
        <p className="empty-note">
          No experiments yet. Create and run one on the Experiments screen first.
        </p>
      )}
      {selected && (
        <>
          <nav
            className="tabs"
            role="tablist"
            aria-label="Quality views"
            onKeyDown={onRovingKeyDown}
          >
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={t.id === tab}
                tabIndex={rovingTabIndex(t.id === tab)}
                className={t.id === tab ? 'tab active' : 'tab'}
                data-testid={`quality-tab-${t.id}`}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </nav>
          <QualityView key={selected} experimentId={selected} tab={tab} />
        </>
      )}
    </section>
  );
}
