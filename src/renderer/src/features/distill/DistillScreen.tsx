import { useEffect, useState } from 'react';
import type { Dataset } from '../../../../shared/domain/dataset';
import type { DistillSettings } from '../../../../shared/distill/distillDomain';
import { costRows } from '../../../../shared/distill/jobText';
import { formatUsd } from '../../../../shared/format';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { useDebouncedResult } from '../../api/useDebouncedResult';
import { ErrorBanner } from '../../components/Banner';
import { DistillJobList } from './DistillJobList';
import { DistillSettingsForm } from './DistillSettingsForm';
import { EMPTY_DRAFT, launchOf, type DistillDraft } from './distillDraft';
import { LaunchForm } from './LaunchForm';
import { useDistillJobs } from './useDistillJobs';
import './distill.css';

/**
 * Launch a Bedrock distillation job and follow it: settings, the form, the checked §3 estimate
 * with a confirmation above the budget, and the jobs with their sub-steps.
 */
export function DistillScreen() {
  const [draft, setDraft] = useState<DistillDraft>(EMPTY_DRAFT);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [settings, setSettings] = useState<DistillSettings | null>(null);
  // The yes holds for the form it was given to: any change asks again.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const { jobs, upsert } = useDistillJobs();
  const { run, error, setError, busy } = useCall();

  useEffect(() => {
    void api.listDatasets({}).then((r) => {
      if (r.ok) setDatasets(r.value);
    });
  }, []);

  // Re-checked whenever the form or the saved settings change.
  const key = JSON.stringify([launchOf(draft), settings]);
  const { value: preview } = useDebouncedResult(key, () => api.previewDistill(launchOf(draft)));
  const confirmed = confirmedFor === key;

  const launch = async () => {
    const j = await run(() => api.startDistill(launchOf(draft, confirmed)));
    if (j) {
      upsert(j);
      setConfirmedFor(null);
    }
  };
  const ready =
    preview !== null &&
    preview.problems.length === 0 &&
    preview.estimate !== null &&
    (!preview.needsConfirmation || confirmed);

  return (
    <section
      className="screen distill"
      data-testid="distill-screen"
      data-app-state={settings ? 'ready' : 'loading'}
    >
      <h1>Distill</h1>
      <p className="hint">
        Launch a Bedrock Model Distillation job: the teacher answers your prompts and the student is
        trained on its answers. Every check runs before anything is sent to AWS.
      </p>
      <div className="distill-layout">
        <div className="distill-main">
          <div className="pane distill-launch">
            <LaunchForm draft={draft} datasets={datasets} preview={preview} onChange={setDraft} />
            <section
              className="distill-estimate"
              aria-label="Estimate"
              data-testid="distill-estimate"
            >
              <h2 className="pane-title">One-off cost estimate</h2>
              {preview?.estimate ? (
                <table className="table compact">
                  <tbody>
                    {costRows(preview.estimate).map(([label, money]) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        <td className="num" data-testid="distill-estimate-value">
                          {money}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="hint">The estimate appears once the form has no problems.</p>
              )}
              {preview?.prompts !== null && preview?.prompts !== undefined && (
                <p className="hint">
                  {preview.prompts} prompts; {preview.estimate?.teacherCalls ?? 0} teacher calls;{' '}
                  {preview.estimate?.trainingPairs ?? 0} training pairs.
                </p>
              )}
              {preview?.notes.map((n) => (
                <p key={n} className="hint">
                  {n}
                </p>
              ))}
              {preview?.problems
                .filter((p) => ['s3Uri', 'roleArn'].includes(p.field))
                .map((p) => (
                  <p
                    key={p.field}
                    className="banner banner-warn"
                    data-testid="distill-settings-problem"
                  >
                    {p.message}
                  </p>
                ))}
              {preview?.needsConfirmation && preview.budgetUsd !== null && (
                <label className="check distill-confirm">
                  <input
                    type="checkbox"
                    data-testid="distill-confirm"
                    checked={confirmed}
                    onChange={(e) => setConfirmedFor(e.target.checked ? key : null)}
                  />{' '}
                  The estimate is above the budget of {formatUsd(preview.budgetUsd)}: launch anyway.
                </label>
              )}
              <ErrorBanner error={error} onDismiss={() => setError(null)} />
              <button
                type="button"
                className="btn btn-primary"
                data-testid="distill-launch"
                disabled={!ready || busy}
                onClick={() => void launch()}
              >
                Launch distillation
              </button>
            </section>
          </div>
          <DistillJobList jobs={jobs} onChanged={upsert} />
        </div>
        <DistillSettingsForm onSaved={setSettings} />
      </div>
    </section>
  );
}
