/**
 * What the batch job panel and `batch status` show of a batch experiment: its setup, its jobs,
 * whether every job is collected, and why tracking stopped when AWS refused it for good. That
 * reason is the experiment's own stored status (paused, with its reason), so a restart, the
 * panel and the command line read the same thing.
 */
import type { Database } from 'better-sqlite3';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import { getBatchSetup, listBatchJobs } from '../db/repos/batchJobs';
import { getExperiment, setExperimentStatus } from '../db/repos/experiments';

export function batchOverview(db: Database, experimentId: string): BatchOverview {
  const setup = getBatchSetup(db, experimentId);
  const jobs = listBatchJobs(db, experimentId);
  const finished =
    jobs.length > 0 && jobs.every((j) => j.phase === 'collected' || j.phase === 'failed');
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
      }) => ({ ...view, inputFiles: files.length }),
    ),
    finished,
    trackingStopped: setup && !finished ? stoppedTracking(db, experimentId) : null,
  };
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
