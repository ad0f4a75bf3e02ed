import { Fragment, useEffect, useState } from 'react';
import { batchPlanNotes, type BatchOverview } from '../../../../shared/batch/batchDomain';
import { jobStateWords, noteParts, runMissingCommand } from '../../../../shared/batch/jobStatus';
import { BATCH_LATENCY_NOTE } from '../../../../shared/batch/latencySource';
import { formatNumber } from '../../../../shared/format';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmButton } from '../../components/ConfirmButton';
import { modelName, shortModelName } from '../../../../shared/report/names';
import { formatWhen } from '../../../../shared/formatTime';
import { useQuery } from '../../api/useQuery';

/** One of a job's moments on its own line: compact, with the full date and time as its title. */
function Moment({ label, iso }: { label: string; iso: string | null }) {
  return (
    <span className="nowrap" title={iso ? new Date(iso).toLocaleString() : undefined}>
      {label} {formatWhen(iso)}
    </span>
  );
}

/**
 * What the job's end left and collection recovered, else what AWS or the app last said of it;
 * then why leftover uploads under its input were not cleared (kept apart: polls replace the
 * message).
 */
const noteOf = (j: BatchOverview['jobs'][number]): string =>
  [j.collectNote ?? j.message, j.uploadNote].filter(Boolean).join(' ');

/** A note's words, with the commands it names as code that stays on one line. */
function NoteText({ note, experimentId }: { note: string; experimentId: string }) {
  return (
    <>
      {noteParts(note, [runMissingCommand(experimentId)]).map((p, i) =>
        p.command ? (
          <code key={i} className="command" data-testid="batch-note-command">
            {p.text}
          </code>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

/** An experiment's batch jobs: status, counts, timestamps, what collection recovered; Stop. */
export function BatchJobPanel({
  experimentId,
  settled,
  onStored,
  onOverview,
}: {
  experimentId: string;
  /**
   * Changes when a run on demand settles (the calls done, while not running): the overview is
   * read again, so notes about records without a result say they were made.
   */
  settled?: number | null;
  /** Told how many calls collection has stored, so the results re-read as jobs are collected. */
  onStored?: (calls: number) => void;
  /** Told each overview read or pushed, so the results can say what the batch left. */
  onOverview?: (overview: BatchOverview | null) => void;
}) {
  const [overview, setOverview] = useState<BatchOverview | null>(null);
  useEffect(() => onOverview?.(overview), [overview, onOverview]);
  const { run, error, setError, busy } = useCall();
  const stored = (overview?.jobs ?? []).reduce(
    (s, j) => s + (j.storedOk ?? 0) + (j.storedErrors ?? 0),
    0,
  );
  useEffect(() => onStored?.(stored), [stored, onStored]);

  useQuery(() => api.getBatchOverview({ experimentId }), [experimentId, settled], {
    onData: setOverview,
  });
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type === 'batchJobs' && e.overview.experimentId === experimentId)
          setOverview(e.overview);
      }),
    [experimentId],
  );

  if (!overview?.setup) return null;
  // Jobs not yet collected (nor failed before they were created): what Stop would stop.
  const running = overview.jobs.filter(
    (j) => j.phase !== 'collected' && j.phase !== 'failed',
  ).length;
  const stop = async () => {
    const o = await run(() => api.stopBatch({ experimentId }));
    if (o) setOverview(o);
  };
  const resume = async () => {
    const o = await run(() => api.resumeBatch({ experimentId }));
    if (o) setOverview(o);
  };
  return (
    <section className="batch-panel" aria-label="Batch jobs" data-testid="batch-panel">
      <h3>
        Batch jobs · s3://{overview.setup.bucket}/{overview.setup.prefix}
      </h3>
      <p className="hint">{BATCH_LATENCY_NOTE}</p>
      {batchPlanNotes(overview, modelName).map((note) => (
        <p key={note} className="hint" data-testid="batch-plan-note">
          {note}
        </p>
      ))}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {overview.trackingStopped && (
        <div className="banner banner-warn" role="alert" data-testid="batch-tracking-stopped">
          <span>{overview.trackingStopped}</span>{' '}
          <button
            type="button"
            className="btn"
            data-testid="batch-resume"
            disabled={busy}
            onClick={() => void resume()}
          >
            Resume tracking
          </button>
        </div>
      )}
      <div className="table-scroll">
        <table className="table" data-testid="batch-jobs">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Processed (records)
              </th>
              <th scope="col" className="num">
                Stored ok / errors / without result (calls)
              </th>
              <th scope="col">Times</th>
            </tr>
          </thead>
          <tbody>
            {overview.jobs.map((j) => (
              <tr key={j.id} data-testid="batch-job">
                <td data-testid="batch-job-model" className="nowrap" title={j.modelId}>
                  {shortModelName(j.modelId)} · part {j.partIndex + 1}
                </td>
                <td data-testid="batch-job-status">
                  {/* At most two lines: "Partially completed" / "· collected", never three. */}
                  {jobStateWords(j)
                    .split(' · ')
                    .map((part, i) => (
                      <Fragment key={part}>
                        {i > 0 && ' '}
                        <span className="nowrap">{i > 0 ? `· ${part}` : part}</span>
                      </Fragment>
                    ))}
                </td>
                <td className="num">
                  {formatNumber(j.processedRecords ?? 0)} / {formatNumber(j.recordCount)}
                </td>
                <td className="num" data-testid="batch-job-stored">
                  {j.phase === 'collected'
                    ? `${formatNumber(j.storedOk ?? 0)} / ${formatNumber(j.storedErrors ?? 0)} / ${formatNumber(j.notReturned ?? 0)}`
                    : '—'}
                </td>
                <td className="batch-times">
                  <Moment label="Submitted" iso={j.submitTime} />
                  {/* Once a job has ended, its last change is its end. */}
                  {j.endTime ? (
                    <Moment label="Ended" iso={j.endTime} />
                  ) : (
                    <Moment label="Last change" iso={j.lastModifiedTime} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Notes under the table, at the panel's width: in a column they made each row a tower. */}
      {overview.jobs.some((j) => noteOf(j)) && (
        <ul className="batch-notes" aria-label="Job notes">
          {overview.jobs
            .filter((j) => noteOf(j))
            .map((j) => (
              <li key={j.id} data-testid="batch-job-note">
                <strong title={j.modelId}>
                  {shortModelName(j.modelId)} · part {j.partIndex + 1}:
                </strong>{' '}
                <NoteText note={noteOf(j)} experimentId={experimentId} />
              </li>
            ))}
        </ul>
      )}
      {running > 0 && (
        <div>
          <ConfirmButton
            label="Stop batch jobs"
            confirmLabel={`Stop ${running} job${running === 1 ? '' : 's'} in AWS (records not yet processed get no result)`}
            cancelLabel="Keep them running"
            testId="batch-stop"
            className="btn"
            onConfirm={() => void stop()}
          />
        </div>
      )}
    </section>
  );
}
