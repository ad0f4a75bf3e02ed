/** What a session is made of, its modes, and how a finished run is labelled. */
import type { Experiment, ExperimentStatus } from '../../shared/domain/experiment';
import type { CallQueue } from './callQueue';
import type { ProgressCounters } from './progressCounters';
import type { RunnerClock, RunnerDeps, RunnerTuning } from './runnerTypes';

export type Mode = 'running' | 'offline' | 'paused' | 'cancelled' | 'completed';

/** Offline is a pause the run ends by itself; the store and the UI only know 'paused'. */
export const STATUS: Record<Mode, ExperimentStatus> = {
  running: 'running',
  offline: 'paused',
  paused: 'paused',
  cancelled: 'cancelled',
  completed: 'completed',
};

export interface SessionParts {
  deps: Pick<RunnerDeps, 'db' | 'emit' | 'clientFor'>;
  probeOnline: (region: string) => Promise<boolean>;
  clock: RunnerClock;
  tuning: RunnerTuning;
  experiment: Experiment;
  queue: CallQueue;
  counters: ProgressCounters;
  onEnd: (session: { id: string }) => void;
}

/**
 * When nothing is left to call: completed, unless some model was given up, in which case the
 * run is paused so that a resume (after access is fixed) makes that model's missing calls.
 */
export function endOfRun(
  blocked: { modelId: string; reason: string }[],
  failed: number,
): { mode: 'completed' | 'paused'; reason: string | null } {
  if (blocked.length > 0) {
    return {
      mode: 'paused',
      reason: `blocked: ${blocked.map((b) => `${b.modelId}: ${b.reason}`).join(' | ')}`,
    };
  }
  const calls = failed === 1 ? '1 call' : `${failed} calls`;
  return { mode: 'completed', reason: failed > 0 ? `${calls} ended in an error` : null };
}
