import {
  DISTILL_STEPS,
  STEP_LABELS,
  isDistillOpen,
  type DistillJobView,
} from '../../../../shared/distill/distillDomain';
import { costRows, jobOutcome, jobStatusText } from '../../../../shared/distill/jobText';
import { modelName } from '../../../../shared/report/names';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmButton } from '../../components/ConfirmButton';

/** Every distillation job, newest first: sub-steps, cost, outcome, and Stop while it runs. */
export function DistillJobList({
  jobs,
  onChanged,
}: {
  jobs: DistillJobView[];
  onChanged: (job: DistillJobView) => void;
}) {
  const { run, error, setError } = useCall();
  const stop = async (id: string) => {
    const j = await run(() => api.stopDistill({ id }));
    if (j) onChanged(j);
  };
  return (
    <section className="pane distill-jobs" aria-label="Distillation jobs">
      <h2 className="pane-title">Jobs</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {jobs.length === 0 && <p className="hint">No distillation jobs yet.</p>}
      <ul className="distill-job-list">
        {jobs.map((j) => {
          const outcome = jobOutcome(j);
          const total = costRows(j.actual ?? j.estimate).at(-1)?.[1] ?? '';
          return (
            <li key={j.id} className="distill-job" data-testid="distill-job">
              <div className="row">
                <strong>{j.customModelName}</strong>
                <span className="hint">
                  {modelName(j.teacherModelId)} → {modelName(j.studentModelId)} · {j.region} ·{' '}
                  {j.prompts} prompts
                </span>
                <span className="spacer" />
                <span
                  className={`distill-status status-${jobStatusText(j).toLowerCase()}`}
                  data-testid="distill-job-status"
                >
                  {jobStatusText(j)}
                </span>
              </div>
              <ol className="distill-steps" aria-label="Sub-steps">
                {DISTILL_STEPS.map((s) => (
                  <li
                    key={s}
                    className={`step step-${j.steps[s].toLowerCase()}`}
                    data-testid={`distill-step-${s}`}
                  >
                    <span className="step-name">{STEP_LABELS[s]}</span>{' '}
                    <span className="step-status">{j.steps[s]}</span>
                  </li>
                ))}
              </ol>
              <p className="hint">
                One-off cost {j.actual ? '(actual)' : '(estimate)'}:{' '}
                <span data-testid="distill-job-cost">{total}</span>
              </p>
              {outcome && (
                <p
                  className={j.status === 'Completed' ? 'distill-outcome' : 'banner banner-error'}
                  data-testid="distill-job-outcome"
                >
                  {outcome}
                </p>
              )}
              {j.status === 'Completed' && (
                <p className="hint" data-testid="distill-serve-note">
                  Serve and evaluate it on Custom models.
                </p>
              )}
              {j.lastError && isDistillOpen(j) && (
                <p className="banner banner-warn">{j.lastError}</p>
              )}
              {isDistillOpen(j) && (
                <ConfirmButton
                  label="Stop"
                  confirmLabel="Stop this job"
                  testId="distill-stop"
                  onConfirm={() => void stop(j.id)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
