import { plural } from '../io/paragraphRules';

/** What a finished batch left, counted over its jobs. */
export interface BatchEndCounts {
  /** Calls stored with a result. */
  stored: number;
  /** Records that came back as errors (stored as failed calls). */
  errors: number;
  /** Records without a result (jobs that ended early, or were never created). */
  missing: number;
  /** Jobs with a note to read (what collection found, or why the job was not created). */
  notes: number;
}

/**
 * The run panel's reason beside "Completed" once a batch is collected, null when every record
 * came back: "batch: 60 results, 0 record errors, 180 records without a result; 2 jobs need
 * attention (see the job panel)".
 */
export function batchEndReason(c: BatchEndCounts): string | null {
  if (c.errors + c.missing + c.notes === 0) return null;
  const attention =
    c.notes > 0
      ? `; ${plural(c.notes, 'job')} ${c.notes === 1 ? 'needs' : 'need'} attention (see the job panel)`
      : '';
  return `batch: ${plural(c.stored, 'result')}, ${plural(c.errors, 'record error')}, ${plural(c.missing, 'record')} without a result${attention}`;
}
