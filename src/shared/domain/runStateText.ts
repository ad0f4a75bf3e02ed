import type { ExperimentStatus } from './experiment';

const WORDS: Record<ExperimentStatus, string> = {
  draft: 'Not started',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

interface RunState {
  status: ExperimentStatus;
  /** Calls that ended, as a result or an error. */
  done: number;
  total: number;
}

/**
 * An experiment that ended with calls never made: its batch jobs ended (Failed, Expired,
 * Stopped, partly completed) and left records without a result. Its stored status is
 * `completed`, since nothing runs any more, but "Completed" beside "60 / 240 calls" would say
 * the opposite of the figure.
 */
export function endedIncomplete(p: RunState): boolean {
  return p.status === 'completed' && p.done < p.total;
}

/** Where a run stands, in the words every screen and the CLI show: "Completed", "Incomplete", … */
export function runStateText(p: RunState): string {
  return endedIncomplete(p) ? 'Incomplete' : WORDS[p.status];
}
