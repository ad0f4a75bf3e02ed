/**
 * The judge's runner: at most one judge session per experiment. `start` judges whatever the
 * current prompt version has not judged yet (calls that errored are tried again), so a stopped
 * or crashed judge run resumes without paying twice for an answer it already has. A session holds
 * the experiment's judge lease, so that two processes on one data folder never judge it at once.
 */
import { createHash } from 'node:crypto';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import type { JudgeProgress } from '../../shared/quality/judgeProgress';
import type { JudgeSettings } from '../../shared/quality/qualitySettings';
import { judgeSummary } from '../../shared/quality/qualityReport';
import { ensureJudgePrompt, listJudgeCallRows } from '../db/repos/judge';
import {
  DEFAULT_TUNING,
  systemClock,
  type RunnerClock,
  type RunnerTuning,
} from '../runner/runnerTypes';
import { LeaseKeeper } from '../runner/leaseKeeper';
import { JudgeSession } from './judgeSession';
import { pendingJudgeTasks } from './judgeTasks';

export interface JudgeDeps {
  db: Database;
  clientFor(region: string): BedrockRuntimeClient;
  emit(progress: JudgeProgress): void;
  clock?: RunnerClock;
  tuning?: Partial<RunnerTuning>;
  /** This process's run leases; defaults to one labelled 'app'. */
  leases?: LeaseKeeper;
}

export const judgeLeaseKey = (experimentId: string): string => `judge:${experimentId}`;

/** What identifies a prompt version: everything that changes what is asked or what it costs. */
export function judgeFingerprint(j: JudgeSettings): string {
  const what = [
    j.modelId,
    j.region,
    j.rubric,
    j.scorePrompt,
    j.pairwisePrompt,
    j.maxTokens,
    j.inputUsdPer1k,
    j.outputUsdPer1k,
    j.priceSource,
  ];
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

/** Progress from the store alone, for an experiment the judge is not running now. */
export function storedJudgeProgress(
  db: Database,
  experiment: Experiment,
  judge: JudgeSettings | null,
  promptId: string | null,
): JudgeProgress {
  const summary = judgeSummary(
    listJudgeCallRows(db, experiment.id),
    promptId === null ? null : { id: promptId, modelId: '', createdAt: '' },
  );
  const total = judge === null ? 0 : pendingJudgeTasks(db, experiment, judge, null).all.length;
  return {
    experimentId: experiment.id,
    status: 'idle',
    statusReason: null,
    promptId,
    total,
    done: summary.answered + summary.failures + summary.errors,
    answered: summary.answered,
    failures: summary.failures,
    errors: summary.errors,
    inFlight: 0,
    costUsd: summary.costUsd,
    runCostUsd: 0,
    runEstimate: null,
  };
}

export interface JudgeStartOptions {
  /** Ask again the items whose answers were unreadable (otherwise final). */
  retryFailures?: boolean;
  /** The estimate shown before starting, to set the run's spend against at its end. */
  estimate?: { expectedUsd: number; maxUsd: number } | null;
}

export class JudgeRunner {
  private readonly sessions = new Map<string, JudgeSession>();
  /** How each experiment's last judge run ended, so its reason outlives the session. */
  private readonly lastEnded = new Map<string, JudgeProgress>();
  private readonly clock: RunnerClock;
  private readonly tuning: RunnerTuning;
  private readonly leases: LeaseKeeper;

  constructor(private readonly deps: JudgeDeps) {
    this.leases = deps.leases ?? new LeaseKeeper(deps.db, { label: 'app' });
    this.clock = deps.clock ?? systemClock;
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  /**
   * Starts judging (or returns the live run's progress); the calls go on in the background.
   * Throws LeaseBusyError while another process is judging this experiment.
   */
  start(
    experiment: Experiment,
    judge: JudgeSettings,
    options: JudgeStartOptions = {},
  ): JudgeProgress {
    const live = this.sessions.get(experiment.id);
    if (live) return live.snapshot();
    const key = judgeLeaseKey(experiment.id);
    this.leases.acquire(key, () => void this.sessions.get(experiment.id)?.cancel());
    try {
      return this.open(experiment, judge, key, options);
    } catch (e) {
      this.leases.release(key);
      throw e;
    }
  }

  private open(
    experiment: Experiment,
    judge: JudgeSettings,
    key: string,
    options: JudgeStartOptions,
  ): JudgeProgress {
    const { db } = this.deps;
    const prompt = ensureJudgePrompt(db, experiment.id, judge, judgeFingerprint(judge));
    const { all, pending } = pendingJudgeTasks(
      db,
      experiment,
      judge,
      prompt.id,
      options.retryFailures ?? false,
    );
    const stored = storedJudgeProgress(db, experiment, null, prompt.id);
    const session = new JudgeSession({
      db,
      client: this.deps.clientFor(judge.region),
      experimentId: experiment.id,
      prompt,
      tasks: pending,
      counts: {
        total: all.length,
        answered: stored.answered,
        failures: stored.failures,
        errors: 0,
        costUsd: stored.costUsd,
      },
      estimate: options.estimate ?? null,
      tuning: this.tuning,
      clock: this.clock,
      emit: (p) => this.deps.emit(p),
      onEnd: (s) => {
        this.lastEnded.set(s.id, s.snapshot());
        if (this.sessions.get(s.id) === s) this.sessions.delete(s.id);
        this.leases.release(key);
      },
    });
    this.sessions.set(experiment.id, session);
    session.run();
    return session.snapshot();
  }

  /** Aborts the judge calls in flight; resolves with the final progress. */
  cancel(experimentId: string): Promise<JudgeProgress> | null {
    return this.sessions.get(experimentId)?.cancel() ?? null;
  }

  progress(experimentId: string): JudgeProgress | null {
    return this.sessions.get(experimentId)?.snapshot() ?? null;
  }

  /** The end of the last judge run of this process (paused, completed…), null when none. */
  lastRun(experimentId: string): JudgeProgress | null {
    return this.lastEnded.get(experimentId) ?? null;
  }

  /** Resolves once the experiment's judge session has ended (for tests and quitting). */
  settled(experimentId: string): Promise<JudgeProgress> | null {
    return this.sessions.get(experimentId)?.ended ?? null;
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.sessions.values()].map((s) => s.cancel('stopped: the app was closed')),
    );
  }
}
