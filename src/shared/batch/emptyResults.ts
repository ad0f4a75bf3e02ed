import type { BatchOverview } from './batchDomain';
import { RUN_MISSING_LABEL } from './jobStatus';

/** What an output cell says when its call has no stored result and no batch is involved. */
export const NOT_RUN_YET = 'Not run yet';

/**
 * What an output cell says when `modelId` has no stored result for it. A model sent to batch
 * was run: its cell waits for the job, or says the job brought nothing back and what makes the
 * call, never "Not run yet" beside job notes that say the records had no result.
 */
export function missingOutputText(batch: BatchOverview | null, modelId: string): string {
  if (!batch?.setup?.modelIds.includes(modelId) || batch.jobs.length === 0) return NOT_RUN_YET;
  if (!batch.finished) return 'Waiting for its batch job';
  return `No result from its batch job; "${RUN_MISSING_LABEL}" makes the call`;
}

/** What the results screen says while an experiment has no stored call. */
export const NO_RESULTS_YET = 'No results yet. Run the experiment to see outputs here.';

/**
 * The results screen's words when nothing is stored, from the experiment's batch (null: none).
 * Running the experiment is not the answer for a batch: while its jobs run their results come
 * by themselves, and once they all ended without a result the run panel's button makes the
 * calls on demand.
 */
export function emptyResultsNote(batch: BatchOverview | null): string {
  if (!batch?.setup || batch.jobs.length === 0) return NO_RESULTS_YET;
  if (!batch.finished) {
    return "No results yet: the batch jobs are still running, and each job's results appear here once it is collected.";
  }
  // The jobs stored calls that the results have not read yet (they re-read as jobs are collected).
  if (batch.jobs.some((j) => (j.storedOk ?? 0) + (j.storedErrors ?? 0) > 0)) {
    return 'Reading the results the batch jobs stored…';
  }
  const ends = [
    ...new Set(batch.jobs.map((j) => (j.phase === 'failed' ? 'not created' : (j.status ?? '?')))),
  ].join(', ');
  const jobs = batch.jobs.length === 1 ? 'The batch job' : `All ${batch.jobs.length} batch jobs`;
  return `${jobs} ended without a result (${ends}): nothing came back to show here. The job notes above say why; "${RUN_MISSING_LABEL}" in the run panel makes these calls on demand.`;
}
