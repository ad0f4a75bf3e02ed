/**
 * The runner the app and the CLI talk to: at most one live session per experiment, keyed by its
 * id. `start` on a finished, paused or cancelled experiment resumes it, calling only the calls
 * that have no stored result (ok or error) yet; `resume` is the same thing. A session holds the
 * experiment's run lease for its whole life, so that the app and the command line never both
 * make its calls.
 */
import type { RunProgress } from '../../shared/domain/run';
import { experimentCounts } from '../db/repos/experimentStats';
import { getExperiment } from '../db/repos/experiments';
import { experimentParagraphs, freezeExperimentParagraphs } from '../db/repos/experimentParagraphs';
import { recordedCallKeys } from '../db/repos/runs';
import { batchOwnedCallKeys } from '../batch/batchCalls';
import { CallQueue, experimentModels } from './callQueue';
import { ExperimentSession } from './experimentSession';
import { LeaseKeeper, leaseBusyMessage } from './leaseKeeper';
import { ProgressCounters } from './progressCounters';
import { tcpProbe } from './reachability';
import {
  DEFAULT_TUNING,
  systemClock,
  type RunnerClock,
  type RunnerDeps,
  type RunnerTuning,
} from './runnerTypes';

export class RunnerError extends Error {
  override readonly name = 'RunnerError';
  constructor(
    readonly code: 'not_found' | 'not_running',
    message: string,
  ) {
    super(message);
  }
}

export class ExperimentRunner {
  private readonly sessions = new Map<string, ExperimentSession>();
  private readonly clock: RunnerClock;
  private readonly tuning: RunnerTuning;
  private readonly probeOnline: (region: string) => Promise<boolean>;
  private readonly leases: LeaseKeeper;

  constructor(private readonly deps: RunnerDeps) {
    this.leases = deps.leases ?? new LeaseKeeper(deps.db, { label: 'app' });
    this.clock = deps.clock ?? systemClock;
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
    this.probeOnline = deps.probeOnline ?? tcpProbe(deps.clientFor);
  }

  /**
   * Starts (or resumes) an experiment and returns its first progress; runs in the background.
   * Throws LeaseBusyError while another process is running it.
   */
  start(experimentId: string): RunProgress {
    const live = this.sessions.get(experimentId);
    if (live) {
      live.run();
      return live.snapshot();
    }
    const session = this.open(experimentId);
    this.sessions.set(experimentId, session);
    session.run();
    return session.snapshot();
  }

  resume(experimentId: string): RunProgress {
    return this.start(experimentId);
  }

  /** Stops dispatching at once; calls in flight finish and are committed (see `settled`). */
  pause(experimentId: string): RunProgress {
    const session = this.live(experimentId);
    session.pause();
    return session.snapshot();
  }

  /** Aborts the calls in flight (not recorded, so a resume makes them) and resolves when done. */
  async cancel(experimentId: string): Promise<RunProgress> {
    return this.live(experimentId).stop('cancelled', 'cancelled by user');
  }

  /** Live progress, or null when this runner is not running the experiment. */
  progress(experimentId: string): RunProgress | null {
    return this.sessions.get(experimentId)?.snapshot() ?? null;
  }

  /** Why this process may not touch the experiment's calls now (another one runs it), or null. */
  runningElsewhere(experimentId: string): string | null {
    if (this.sessions.has(experimentId)) return null;
    const lease = this.leases.heldElsewhere(experimentLeaseKey(experimentId));
    return lease ? leaseBusyMessage(lease) : null;
  }

  /** Resolves with the final progress once the session has nothing in flight and stopped. */
  async settled(experimentId: string): Promise<RunProgress> {
    return this.live(experimentId).ended;
  }

  /** For quitting: aborts every session's calls and leaves each experiment paused. */
  async closeAll(
    reason = 'stopped: the app was closed; resume to make the missing calls',
  ): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.stop('paused', reason)));
  }

  private live(experimentId: string): ExperimentSession {
    const session = this.sessions.get(experimentId);
    if (!session) throw new RunnerError('not_running', 'This experiment is not running.');
    return session;
  }

  /** The tuning a session starts with: the analyst's hang limits, as set now, over the rest. */
  private sessionTuning(): RunnerTuning {
    const set = this.deps.hangSettings?.();
    if (!set) return this.tuning;
    return {
      ...this.tuning,
      ...(set.stallFirstEventMs !== null ? { stallFirstEventMs: set.stallFirstEventMs } : {}),
      ...(set.stallIdleMs !== null ? { stallIdleMs: set.stallIdleMs } : {}),
    };
  }

  private open(experimentId: string): ExperimentSession {
    const { db } = this.deps;
    const experiment = getExperiment(db, experimentId);
    if (!experiment) throw new RunnerError('not_found', 'This experiment does not exist.');
    const config = experiment.config;
    // The texts are frozen when the experiment first starts; a resume runs the same texts.
    freezeExperimentParagraphs(db, experiment);
    const paragraphs = experimentParagraphs(db, experiment);
    const models = experimentModels(config);
    const key = experimentLeaseKey(experimentId);
    this.leases.acquire(key, () => {
      void this.sessions
        .get(experimentId)
        ?.stop('paused', 'paused: another Distill ROI process took this experiment over');
    });
    try {
      return new ExperimentSession({
        deps: this.deps,
        probeOnline: this.probeOnline,
        clock: this.clock,
        tuning: this.sessionTuning(),
        experiment,
        // Calls a batch job still owns are not made on demand (batch/batchCalls.ts).
        queue: new CallQueue(
          config,
          paragraphs,
          new Set([...recordedCallKeys(db, experimentId), ...batchOwnedCallKeys(db, experimentId)]),
        ),
        counters: new ProgressCounters(
          experimentId,
          models,
          paragraphs.length * config.repeats,
          experimentCounts(db, experimentId, config),
          this.clock.now,
        ),
        onEnd: (s) => {
          if (this.sessions.get(s.id) === s) this.sessions.delete(s.id);
          this.leases.release(key);
        },
      });
    } catch (e) {
      // Reading what is stored failed (storage error): give the lease back, nothing started.
      this.leases.release(key);
      throw e;
    }
  }
}

export const experimentLeaseKey = (experimentId: string): string => `experiment:${experimentId}`;
