/**
 * Moves a batch experiment forward from wherever the store says it is: uploads planned inputs,
 * creates uploaded jobs (with their stored clientRequestToken, so a create retried after a crash
 * or a lost answer never makes a second job), polls submitted jobs with back-off, and collects
 * each job once it has ended. Every step is recorded before the next begins; calling `advance`
 * again after a kill -9 at any point picks up where the store left off.
 */
import { StopModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import { isTerminal } from '../../shared/batch/jobStatus';
import { batchEndReason } from '../../shared/batch/endReason';
import { getBatchSetup, listBatchJobs, setJobPhase, setJobStatus } from '../db/repos/batchJobs';
import { setExperimentStatus } from '../db/repos/experiments';
import { DEFAULT_BATCH_TUNING, type BatchDeps } from './batchDeps';
import { BatchStep } from './batchStep';
import { batchOverview, stopTracking } from './batchOverview';
import { isTransient } from './batchErrors';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** One pass over every job; returns whether any job's state changed. */
async function pass(d: BatchDeps, experimentId: string): Promise<boolean> {
  const step = new BatchStep(d, experimentId);
  let changed = false;
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (d.signal?.aborted) return changed;
    if (job.phase === 'planned') {
      await step.upload(job);
      changed = true;
    }
  }
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (d.signal?.aborted) return changed;
    if (job.phase === 'uploaded') {
      await step.create(job);
      changed = true;
    }
  }
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (d.signal?.aborted) return changed;
    if (job.phase !== 'submitted') continue;
    if (!isTerminal(job.status)) changed = (await step.poll(job)) || changed;
  }
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (d.signal?.aborted) return changed;
    if (job.phase === 'submitted' && isTerminal(job.status)) {
      await step.collect(job);
      changed = true;
    }
  }
  return changed;
}

function finalStatus(d: BatchDeps, experimentId: string): void {
  const o = batchOverview(d.db, experimentId);
  if (!o.finished) return;
  const stored = o.jobs.reduce((s, j) => s + (j.storedOk ?? 0), 0);
  const errors = o.jobs.reduce((s, j) => s + (j.storedErrors ?? 0), 0);
  const missing = o.jobs.reduce(
    (s, j) => s + (j.phase === 'failed' ? j.recordCount : (j.notReturned ?? 0)),
    0,
  );
  const notes = o.jobs.filter((j) => j.collectNote || j.phase === 'failed').length;
  setExperimentStatus(
    d.db,
    experimentId,
    'completed',
    batchEndReason({ stored, errors, missing, notes }),
  );
}

/**
 * Advances the batch until every job is collected (or failed before it was created), or until
 * `wait` is false and one pass is done, or the signal aborts. Transient errors (throttling, 5xx,
 * network) back off and try again; they never end a job.
 */
export async function advanceBatch(
  d: BatchDeps,
  experimentId: string,
  opts: { wait: boolean },
): Promise<BatchOverview> {
  const tuning = d.tuning ?? DEFAULT_BATCH_TUNING;
  if (!getBatchSetup(d.db, experimentId))
    throw new Error(`Experiment ${experimentId} is not a batch experiment.`);
  if (!batchOverview(d.db, experimentId).finished) {
    setExperimentStatus(d.db, experimentId, 'running', 'batch jobs in progress');
  }
  let wait = tuning.pollMinMs;
  for (;;) {
    let changed = false;
    try {
      changed = await pass(d, experimentId);
      if (changed) d.onChange?.(batchOverview(d.db, experimentId));
    } catch (e) {
      if (d.signal?.aborted) break;
      if (!isTransient(e)) {
        d.onChange?.(stopTracking(d.db, experimentId, e));
        throw e;
      }
      d.say?.(`AWS is busy or unreachable (${(e as Error).name}); trying again`);
      wait = Math.min(tuning.pollMaxMs, wait * 2);
    }
    const o = batchOverview(d.db, experimentId);
    if (o.finished) {
      finalStatus(d, experimentId);
      return batchOverview(d.db, experimentId);
    }
    if (!opts.wait || d.signal?.aborted) return o;
    wait = changed ? tuning.pollMinMs : Math.min(tuning.pollMaxMs, Math.round(wait * 1.5));
    await sleep(wait, d.signal);
    if (d.signal?.aborted) break;
  }
  return batchOverview(d.db, experimentId);
}

/** Polls every created, unfinished job once and stores what AWS says (`batch status`). */
export async function refreshBatchStatus(
  d: BatchDeps,
  experimentId: string,
): Promise<BatchOverview> {
  const step = new BatchStep(d, experimentId);
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (job.phase === 'submitted' && !isTerminal(job.status)) await step.poll(job);
  }
  return batchOverview(d.db, experimentId);
}

/** Asks AWS to stop every job still running; planned and uploaded jobs are never created. */
export async function stopBatch(d: BatchDeps, experimentId: string): Promise<BatchOverview> {
  for (const job of listBatchJobs(d.db, experimentId)) {
    if (job.phase === 'planned' || job.phase === 'uploaded') {
      setJobPhase(d.db, job.id, 'failed', 'Stopped before the job was created.');
      continue;
    }
    if (job.phase !== 'submitted' || isTerminal(job.status) || job.status === 'Stopping') continue;
    try {
      await d.clients.bedrock.send(
        new StopModelInvocationJobCommand({ jobIdentifier: job.jobArn ?? '' }),
      );
    } catch (e) {
      // A job that ended meanwhile cannot be stopped: the next poll records how it ended.
      if ((e as { name?: string }).name !== 'ValidationException') throw e;
    }
    setJobStatus(d.db, job.id, {
      status: 'Stopping',
      message: job.message,
      totalRecords: job.totalRecords,
      processedRecords: job.processedRecords,
      successRecords: job.successRecords,
      errorRecords: job.errorRecords,
      submitTime: job.submitTime,
      lastModifiedTime: job.lastModifiedTime,
      endTime: job.endTime,
    });
    d.say?.(`${job.jobName}: stop requested`);
  }
  return batchOverview(d.db, experimentId);
}
