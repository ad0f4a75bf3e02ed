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

/** What an ended job leaves behind, in words for the job panel and the command line. */
export function describeEnd(status: string, message: string | null): string {
  const why = message ? ` (${message})` : '';
  switch (status) {
    case 'Completed':
      return 'Completed: every record was processed.';
    case 'PartiallyCompleted':
      return `Partially completed: the records processed were collected; the rest can be run again.${why}`;
    case 'Failed':
      return `Failed${why}: no output; the records can be run again on demand or in a new batch.`;
    case 'Stopped':
      return 'Stopped: the records processed before the stop were collected; the rest can be run again.';
    case 'Expired':
      return 'Expired: the job did not start within its time-out; nothing was processed.';
    default:
      return status;
  }
}
