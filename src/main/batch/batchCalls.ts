/**
 * The calls a batch job still owns: those of every job not yet collected (or failed before it
 * was created). The on-demand runner leaves them alone, so a call is never paid for twice;
 * once a job is collected, its records without a result are the runner's to make again.
 */
import type { Database } from 'better-sqlite3';
import { listBatchJobs, type BatchJobRow } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import { experimentParagraphTexts } from '../db/repos/experimentParagraphs';
import { callKey } from '../db/repos/runs';

export function batchOwnedCallKeys(db: Database, experimentId: string): Set<string> {
  const keys = new Set<string>();
  const open = listBatchJobs(db, experimentId).filter(
    (j) => j.phase !== 'collected' && j.phase !== 'failed',
  );
  if (open.length === 0) return keys;
  const experiment = getExperiment(db, experimentId);
  if (!experiment) return keys;
  const paragraphs = experimentParagraphTexts(db, experiment);
  for (const job of open) for (const k of jobCallKeys(paragraphs, job)) keys.add(k);
  return keys;
}

/** The calls a job's records stand for: record i is paragraph i mod n, repeat ⌊i / n⌋. */
export function* jobCallKeys(
  paragraphs: readonly { id: string }[],
  job: Pick<BatchJobRow, 'firstRecord' | 'recordCount' | 'modelId'>,
): Generator<string> {
  const n = paragraphs.length;
  for (let i = job.firstRecord; i < job.firstRecord + job.recordCount; i++) {
    const p = paragraphs[i % n];
    if (p) yield callKey(p.id, job.modelId, Math.floor(i / n));
  }
}

/** Whether any of the experiment's batch jobs is still to be created, running, or to be collected. */
export function hasOpenBatchJobs(db: Database, experimentId: string): boolean {
  return listBatchJobs(db, experimentId).some(
    (j) => j.phase !== 'collected' && j.phase !== 'failed',
  );
}
