/**
 * What the batch job panel and `batch status` show of a batch experiment: its setup, its jobs,
 * whether every job is collected, and why tracking stopped when AWS refused it for good. That
 * reason is the experiment's own stored status (paused, with its reason), so a restart, the
 * panel and the command line read the same thing.
 */
import type { Database } from 'better-sqlite3';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import { settleNote } from '../../shared/batch/jobStatus';
import { getBatchSetup, listBatchJobs, type BatchJobRow } from '../db/repos/batchJobs';
import { experimentParagraphTexts } from '../db/repos/experimentParagraphs';
import { recordedCallKeys } from '../db/repos/runs';
import { jobCallKeys } from './batchCalls';
import { getExperiment, setExperimentStatus } from '../db/repos/experiments';

export function batchOverview(db: Database, experimentId: string): BatchOverview {
  const setup = getBatchSetup(db, experimentId);
  const jobs = listBatchJobs(db, experimentId);
  const finished =
    jobs.length > 0 && jobs.every((j) => j.phase === 'collected' || j.phase === 'failed');
  const made = finished ? madeOnDemand(db, experimentId, jobs) : new Set<string>();
  return {
    experimentId,
    setup,
    jobs: jobs.map(
      ({
        experimentId: _e,
        firstRecord: _f,
        files,
        jobName: _n,
        clientRequestToken: _t,
        ...view
      }) => ({
        ...view,
        inputFiles: files.length,
        collectNote: settleNote(
          view.collectNote,
          {
            status: view.status ?? 'Failed',
            message: view.message,
            notReturned: view.notReturned ?? 0,
          },
          experimentId,
          made.has(view.id),
        ),
      }),
    ),
    finished,
    trackingStopped: setup && !finished ? stoppedTracking(db, experimentId) : null,
  };
}

/**
 * The collected jobs that left records without a result and whose every record has a stored
 * call now (made on demand since): their notes no longer point to the button. Read only once
 * the batch is finished, as only then does the run panel offer the button (and polls stop).
 */
function madeOnDemand(db: Database, experimentId: string, jobs: BatchJobRow[]): Set<string> {
  const left = jobs.filter((j) => j.phase === 'collected' && (j.notReturned ?? 0) > 0);
  const experiment = left.length > 0 ? getExperiment(db, experimentId) : null;
  if (!experiment) return new Set();
  const stored = recordedCallKeys(db, experimentId);
  const paragraphs = experimentParagraphTexts(db, experiment);
  return new Set(
    left
      .filter((j) => [...jobCallKeys(paragraphs, j)].every((k) => stored.has(k)))
      .map((j) => j.id),
  );
}

/** The stored reason tracking stopped: the experiment paused with the jobs still open. */
function stoppedTracking(db: Database, experimentId: string): string | null {
  const e = getExperiment(db, experimentId);
  return e?.status === 'paused' ? (e.statusReason ?? 'Tracking stopped.') : null;
}

/**
 * Stores why the batch can no longer be followed (the experiment pauses with the reason) and
 * returns the overview that says so. The jobs are left alone in AWS: Resume, `batch collect` or
 * the next start follows them again.
 */
export function stopTracking(db: Database, experimentId: string, e: unknown): BatchOverview {
  const err = e as { name?: string; message?: string; $metadata?: unknown };
  const why =
    err.name === 'ExpiredTokenException' || err.name === 'ExpiredToken'
      ? 'the AWS credentials expired'
      : err.$metadata !== undefined
        ? `AWS refused a request (${err.name ?? 'Error'}: ${err.message ?? 'no message'})`
        : (err.message ?? String(e));
  setExperimentStatus(
    db,
    experimentId,
    'paused',
    `Tracking stopped: ${why}. The jobs carry on in AWS; renew the credentials or permissions, then resume tracking.`,
  );
  return batchOverview(db, experimentId);
}
