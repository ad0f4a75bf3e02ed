import { z } from 'zod';

/** Bedrock's `ModelInvocationJobStatus`. */
export const JobStatusSchema = z.enum([
  'Submitted',
  'Validating',
  'Scheduled',
  'InProgress',
  'Stopping',
  'Completed',
  'PartiallyCompleted',
  'Failed',
  'Stopped',
  'Expired',
]);
export type JobStatus = z.infer<typeof JobStatusSchema>;

const TERMINAL = new Set<string>([
  'Completed',
  'PartiallyCompleted',
  'Failed',
  'Stopped',
  'Expired',
]);

export const isTerminal = (status: string | null): boolean =>
  status !== null && TERMINAL.has(status);

/**
 * The run panel's button that makes on demand the calls a collected batch left without a
 * result (records of a Failed, Expired, Stopped or partly completed job). Its one name, used by
 * the button and by every note that points to it.
 */
export const RUN_MISSING_LABEL = 'Run missing calls on demand';

/** How to make a batch's missing calls: the button and the command that do it, by name. */
export const runMissingHint = (experimentId: string): string =>
  `run them on demand with "${RUN_MISSING_LABEL}" in the run panel, or distill-roi run --resume ${experimentId}`;

/** What an ended job leaves behind, in words for the job panel and the command line. */
export function describeEnd(status: string, message: string | null, experimentId: string): string {
  const why = message ? ` (${message})` : '';
  const rerun = runMissingHint(experimentId);
  switch (status) {
    case 'Completed':
      return 'Completed: every record was processed.';
    case 'PartiallyCompleted':
      return `Partially completed: the records processed were collected; for the rest, ${rerun}.${why}`;
    case 'Failed':
      return `Failed${why}: no output; ${rerun}.`;
    case 'Stopped':
      return `Stopped: the records processed before the stop were collected; for the rest, ${rerun}.`;
    case 'Expired':
      return `Expired: the job did not start within its time-out; nothing was processed; ${rerun}.`;
    default:
      return status;
  }
}
