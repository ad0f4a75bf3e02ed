import { useState } from 'react';
import type { ExportFile } from '../../../../shared/ipc/reportChannels';
import type { AppError, Result } from '../../../../shared/ipc/result';
import { api } from '../../api/transport';
import { saveFile } from './saveFile';
import type { ReportChoices } from './useReport';

interface ExportActionsProps {
  experimentId: string;
  choices: ReportChoices;
  onError: (e: AppError | null) => void;
}

type Kind = 'pdf' | 'runs' | 'scenarios' | 'bundle';

/** The four exports of the shown experiment; each comes back as a file the user saves. */
export function ExportActions({ experimentId, choices, onError }: ExportActionsProps) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const run = async (kind: Kind, call: () => Promise<Result<ExportFile>>) => {
    setBusy(kind);
    try {
      const r = await call();
      if (r.ok) {
        onError(null);
        saveFile(r.value);
      } else onError(r.error);
    } finally {
      setBusy(null);
    }
  };
  const button = (
    kind: Kind,
    label: string,
    call: () => Promise<Result<ExportFile>>,
    primary = false,
  ) => (
    <button
      type="button"
      className={primary ? 'btn btn-primary' : 'btn'}
      data-testid={`download-${kind}`}
      disabled={busy !== null}
      onClick={() => void run(kind, call)}
    >
      {busy === kind ? 'Preparing…' : label}
    </button>
  );
  return (
    <div className="report-actions" role="group" aria-label="Export">
      {button('pdf', 'Download PDF', () => api.exportReportPdf({ experimentId, ...choices }), true)}
      {button('runs', 'Runs and scores (CSV)', () => api.exportRunsCsv({ experimentId }))}
      {button('scenarios', 'Scenario outputs (CSV)', () =>
        api.exportScenariosCsv({ experimentId, scenarioIds: choices.scenarioIds }),
      )}
      {button('bundle', 'Experiment bundle (JSON)', () => api.exportBundle({ experimentId }))}
    </div>
  );
}
