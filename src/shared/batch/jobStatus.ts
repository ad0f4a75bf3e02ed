import { formatNumber } from '../format';
import { z } from 'zod';
import type { BatchPhase } from './batchDomain';

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

/** Each status in words, as the screens and the command line say it (AWS's enum is for JSON). */
const STATUS_WORDS: Record<JobStatus, string> = {
  Submitted: 'Submitted',
  Validating: 'Validating',
  Scheduled: 'Scheduled',
  InProgress: 'In progress',
  Stopping: 'Stopping',
  Completed: 'Completed',
  PartiallyCompleted: 'Partially completed',
  Failed: 'Failed',
  Stopped: 'Stopped',
  Expired: 'Expired',
};

/** A status in words: "Partially completed"; a status AWS adds later is shown as it comes. */
export const statusWords = (status: string): string =>
  (STATUS_WORDS as Record<string, string | undefined>)[status] ?? status;

/**
 * Where a job stands, in words, for the job panel and `batch status`: "Partially completed ·
 * collected", "Uploading" before AWS has a status, "Not created" when it failed before.
 */
export function jobStateWords(j: { phase: BatchPhase; status: string | null }): string {
  if (j.phase === 'failed') return 'Not created';
  const words = j.status === null ? 'Uploading' : statusWords(j.status);
  return j.phase === 'collected' ? `${words} · collected` : words;
}

/**
 * The run panel's button that makes on demand the calls a collected batch left without a
 * result (records of a Failed, Expired, Stopped or partly completed job). Its one name, used by
 * the button and by every note that points to it.
 */
export const RUN_MISSING_LABEL = 'Run missing calls on demand';

/** The command that makes a batch's missing calls on demand. */
export const runMissingCommand = (experimentId: string): string =>
  `distill-roi run --resume ${experimentId}`;

/** How to make a batch's missing calls: the button and the command that do it, by name. */
export const runMissingHint = (experimentId: string): string =>
  `run them on demand with "${RUN_MISSING_LABEL}" in the run panel, or ${runMissingCommand(experimentId)}`;

/** A piece of a note: words, or a command to be shown as code that does not break inside. */
export interface NotePart {
  text: string;
  command: boolean;
}

/**
 * A note cut at each of the commands it names (the screens show those as code, kept on one
 * line: "--" and "resume" on two lines is not a command anyone can type), words around them.
 */
export function noteParts(note: string, commands: readonly string[]): NotePart[] {
  const parts: NotePart[] = [];
  let rest = note;
  for (;;) {
    const hits = commands
      .filter((c) => c !== '')
      .map((c) => ({ c, at: rest.indexOf(c) }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at || b.c.length - a.c.length);
    const hit = hits[0];
    if (!hit) break;
    if (hit.at > 0) parts.push({ text: rest.slice(0, hit.at), command: false });
    parts.push({ text: hit.c, command: true });
    rest = rest.slice(hit.at + hit.c.length);
  }
  if (rest !== '') parts.push({ text: rest, command: false });
  return parts;
}

/** "1 record" · "180 records" · "12,000 records". */
const records = (n: number): string => `${formatNumber(n)} record${n === 1 ? '' : 's'}`;

/**
 * What to do about the records a job left without a result: the button and the command, or,
 * once every one of them has a stored call (`made`), that they were run on demand.
 */
const rest = (n: number, experimentId: string, made: boolean): string =>
  made
    ? `the ${records(n)} without a result ${n === 1 ? 'was' : 'were'} run on demand.`
    : `${records(n)} had no result; ${runMissingHint(experimentId)}.`;

/** How a job ended and what it left, as collection stores it. */
export interface JobEnd {
  status: string;
  /** Bedrock's message for the job, if any. */
  message: string | null;
  /** The job's records without a stored result after collection. */
  notReturned: number;
}

/**
 * What an ended job leaves behind, in words for the job panel and the command line; null for a
 * job that completed with every record. `made`: every record without a result has since got a
 * call on demand, so the note says so and no longer offers the button.
 */
export function describeEnd(end: JobEnd, experimentId: string, made = false): string | null {
  const why = end.message ? ` (${end.message})` : '';
  const n = end.notReturned;
  const left = n > 0 ? rest(n, experimentId, made) : 'nothing is missing.';
  switch (end.status) {
    case 'Completed':
      return n > 0 ? `Completed, but ${left}` : null;
    case 'PartiallyCompleted':
      return `${statusWords('PartiallyCompleted')}${why}: the records processed were collected; ${left}`;
    case 'Failed':
      return `Failed${why}: no output; ${left}`;
    case 'Stopped':
      return `Stopped: the records processed before the stop were collected; ${left}`;
    case 'Expired':
      return `Expired: the job did not start within its time-out; nothing was processed; ${left}`;
    default:
      return `${statusWords(end.status)}: ${left}`;
  }
}

/**
 * A stored collect note as it reads now: the end's words (its head) settled once `made`, and
 * whatever collection found besides (manifest, unreadable lines) kept after them. A note stored
 * in other words than today's is left as it is.
 */
export function settleNote(
  note: string | null,
  end: JobEnd,
  experimentId: string,
  made: boolean,
): string | null {
  const head = describeEnd(end, experimentId);
  if (!made || note === null || head === null || !note.startsWith(head)) return note;
  return `${describeEnd(end, experimentId, true) ?? ''}${note.slice(head.length)}`;
}
