import { useState } from 'react';
import { runStateText } from '../../../../shared/domain/runStateText';
import type { ExperimentSummary } from '../../../../shared/ipc/experimentChannels';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useChoice } from '../../workspace/workspace';
import { ErrorBanner } from '../../components/Banner';
import { ExportActions } from './ExportActions';
import { ImportBundle } from './ImportBundle';
import { ReportDocument } from './ReportDocument';
import { ReportOptions, type ScenarioChoice } from './ReportOptions';
import { useReport, type ReportChoices } from './useReport';
import { useQuery } from '../../api/useQuery';
import { formatNumber } from '../../../../shared/format';

const START: ReportChoices = { scenarioIds: [], includeAppendix: true, paperSize: 'A4' };

/**
 * The report: pick an experiment and the options, read the preview (the same component the PDF
 * prints), then download it or the CSV and bundle exports; import a bundle from elsewhere.
 */
export function ReportScreen() {
  const [experiments, setExperiments] = useState<ExperimentSummary[] | null>(null);
  // The experiment chosen on any screen stays chosen here.
  const [chosen, setChosen] = useChoice('experiment');
  const [scenarios, setScenarios] = useState<ScenarioChoice[]>([]);
  const [choices, setChoices] = useState<ReportChoices>(START);
  const [revision, setRevision] = useState(0);
  const { error, setError } = useCall();
  const reportable = (experiments ?? []).filter((e) => e.done > e.failed);
  const selected = reportable.find((e) => e.id === chosen)?.id ?? reportable[0]?.id ?? null;
  const report = useReport(selected, choices);

  useQuery(() => api.listExperiments({}), [revision], {
    onData: setExperiments,
    onError: setError,
  });

  useQuery(() => api.listReportScenarios({ experimentId: selected ?? '' }), [selected], {
    enabled: selected !== null,
    onData: (list) => {
      setScenarios(list);
      // All saved scenarios to start with (at most six), in the order they were saved.
      setChoices((c) => ({ ...c, scenarioIds: list.slice(0, 6).map((s) => s.id) }));
    },
  });

  const shownError = error ?? report.error;
  return (
    <section
      className="screen"
      data-testid="report-screen"
      data-app-state={experiments ? 'ready' : 'loading'}
    >
      <ErrorBanner
        error={shownError}
        onDismiss={() => {
          setError(null);
          report.setError(null);
        }}
      />
      <div className="two-pane">
        <aside className="pane dataset-list" aria-label="Experiments to report on">
          <h2 className="pane-title">Report on</h2>
          <ul data-testid="report-experiment-list">
            {reportable.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className={e.id === selected ? 'dataset-item active' : 'dataset-item'}
                  aria-current={e.id === selected ? 'true' : undefined}
                  onClick={() => setChosen(e.id)}
                >
                  <span className="dataset-name">{e.config.name}</span>
                  <span className="dataset-count">
                    {runStateText(e).toLowerCase()} · {formatNumber(e.done - e.failed)} calls
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {experiments && reportable.length === 0 && (
            <p className="hint">Run an experiment first: a report needs successful calls.</p>
          )}
          <ImportBundle onImported={() => setRevision((n) => n + 1)} onError={setError} />
        </aside>
        {selected && (
          <div className="report-main">
            <div className="pane report-controls">
              <ReportOptions scenarios={scenarios} choices={choices} onChange={setChoices} />
              <ExportActions experimentId={selected} choices={choices} onError={setError} />
            </div>
            <div
              className="rpt-preview"
              // It scrolls: focusable so the keyboard can scroll it (axe: scrollable-region-focusable).
              role="region"
              aria-label="Report preview"
              tabIndex={0}
              data-testid="report-preview"
              data-state={report.vm && !report.loading ? 'ready' : 'loading'}
            >
              {report.vm && <ReportDocument vm={report.vm} />}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
