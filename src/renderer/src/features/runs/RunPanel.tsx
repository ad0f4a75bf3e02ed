import { RUN_MISSING_LABEL } from '../../../../shared/batch/jobStatus';
import { onDemandFigure } from '../../../../shared/batch/latencySource';
import type { RunProgress } from '../../../../shared/domain/run';
import { endedIncomplete, runStateText } from '../../../../shared/domain/runStateText';
import { formatNumber, formatUsd } from '../../../../shared/format';
import { formatDurationMs } from '../../../../shared/formatTime';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { modelName } from '../../../../shared/report/names';

/** Where a run stands, and the controls to pause, resume, cancel or retry what failed. */
export function RunPanel({
  experimentId,
  progress,
  setProgress,
  onChanged,
}: {
  experimentId: string;
  progress: RunProgress | null;
  setProgress: (p: RunProgress) => void;
  onChanged: () => void;
}) {
  const { run, error, setError, busy } = useCall();
  if (!progress) return <p className="hint">Loading…</p>;

  const act = async (call: () => ReturnType<typeof api.pauseExperiment>) => {
    const p = await run(call);
    if (p) setProgress(p);
    onChanged();
  };
  const start = (confirmOverBudget: boolean) =>
    act(() => api.startExperiment({ id: experimentId, confirmOverBudget }));
  const share = progress.total > 0 ? progress.done / progress.total : 0;
  const running = progress.status === 'running';
  const finished = progress.status === 'completed';
  // Another process makes the calls: this window watches, with nothing to pause or resume.
  // Batch jobs in AWS make the calls: their panel has the controls, this one none.
  const byBatch = progress.batch === true;
  const ownRun = running && progress.runningElsewhere !== true && !byBatch;
  const missing = progress.total - progress.done;
  // Ended with calls never made (a batch that left records without a result).
  const incomplete = endedIncomplete(progress);

  return (
    <section
      className="run-panel"
      aria-label="Run progress"
      data-testid="run-panel"
      data-status={progress.status}
      data-elsewhere={progress.runningElsewhere === true}
    >
      <div className="run-head">
        <span
          className={`status status-${incomplete ? 'incomplete' : progress.status}`}
          data-testid="run-status"
        >
          {runStateText(progress)}
        </span>
        {progress.statusReason && (
          <span className="status-reason" data-testid="run-status-reason">
            {progress.statusReason}
          </span>
        )}
        <span className="spacer" />
        {ownRun && (
          <>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void act(() => api.pauseExperiment({ id: experimentId }))}
            >
              Pause
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              data-testid="cancel-run"
              disabled={busy}
              onClick={() => void act(() => api.cancelExperiment({ id: experimentId }))}
            >
              Cancel
            </button>
          </>
        )}
        {!running && !finished && !byBatch && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="resume-run"
            disabled={busy}
            onClick={() => void start(false)}
          >
            {progress.status === 'draft' ? 'Run' : 'Resume'}
          </button>
        )}
        {incomplete && !byBatch && (
          // A collected batch whose jobs left records without a result (Failed, Expired,
          // Stopped, partly completed): the job notes name this button.
          <button
            type="button"
            className="btn"
            data-testid="run-missing"
            disabled={busy}
            onClick={() => void start(false)}
          >
            {RUN_MISSING_LABEL} ({formatNumber(missing)})
          </button>
        )}
        {!running && progress.failed > 0 && !byBatch && (
          <button
            type="button"
            className="btn"
            data-testid="retry-failed"
            disabled={busy}
            onClick={() =>
              void run(() => api.retryFailedRuns({ id: experimentId })).then(() => start(false))
            }
          >
            Retry {progress.failed} failed
          </button>
        )}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Calls done"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
      >
        <div className="progress-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <p className="run-figures" data-testid="run-figures">
        {formatNumber(progress.done)} / {formatNumber(progress.total)} calls ·{' '}
        {formatNumber(progress.failed)} failed · {formatUsd(progress.spentUsd)} spent
        {ownRun && (
          <>
            {' '}
            · {formatDurationMs(progress.elapsedMs)} elapsed
            {progress.etaMs !== null && (
              <> · about {formatDurationMs(progress.etaMs)} left</>
            )} · {progress.inFlight} in flight (limit {progress.concurrency})
          </>
        )}
      </p>
      {ownRun && progress.limitChange && (
        // Why the run slowed down (throttling) or sped up again, in the runner's own words.
        <p className="run-limit" data-testid="run-limit-change" role="status">
          Concurrency {progress.limitChange.reason} ({formatDurationMs(progress.limitChange.atMs)}{' '}
          into the run).
        </p>
      )}
      <details className="run-per-model">
        <summary>Per model</summary>
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Done
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Throttled / retried (calls)
              </th>
              <th scope="col" className="num">
                Time lost to retries
              </th>
              <th scope="col" className="num">
                Tokens in / out (tokens)
              </th>
              <th scope="col" className="num">
                Spent (USD)
              </th>
            </tr>
          </thead>
          <tbody>
            {progress.perModel.map((m) => {
              // Batch calls retry nothing on demand: no zeros for what they never had.
              const calls = { batch: m.batchCalls ?? 0, all: m.done };
              return (
                <tr key={m.modelId}>
                  <td>{modelName(m.modelId)}</td>
                  <td className="num">
                    {formatNumber(m.done)} / {formatNumber(m.total)}
                  </td>
                  <td className="num">{formatNumber(m.failed)}</td>
                  <td className="num">
                    {onDemandFigure(
                      calls,
                      'count',
                      () => `${formatNumber(m.throttles ?? 0)} / ${formatNumber(m.retries ?? 0)}`,
                    )}
                  </td>
                  <td className="num" data-testid="run-model-lost">
                    {onDemandFigure(calls, 'time', () => formatDurationMs(m.lostMs ?? 0))}
                  </td>
                  <td className="num">
                    {formatNumber(m.inputTokens)} / {formatNumber(m.outputTokens)}
                  </td>
                  <td className="num">{formatUsd(m.costUsd)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {error?.code === 'needs_confirmation' && (
        <button
          type="button"
          className="btn btn-danger"
          data-testid="confirm-over-budget"
          onClick={() => void start(true)}
        >
          Run anyway
        </button>
      )}
    </section>
  );
}
