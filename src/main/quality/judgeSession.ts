/**
 * One judge run over an experiment: dispatches its missing judge calls within an AIMD limit
 * (the runner's), retries transport failures with the runner's policy and back-off, commits each
 * finished task at once, and ends completed, cancelled, stopped (the judge model cannot be
 * called at all: no access, unknown id, bad credentials) or paused (too many unreadable answers,
 * see judgePause.ts). The end says what the run spent against its estimate.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Database } from 'better-sqlite3';
import {
  EMPTY_TALLY,
  pauseReason,
  spendAgainstEstimate,
  tallyAnswer,
  type AnswerTally,
} from '../../shared/quality/judgePause';
import type { JudgeProgress } from '../../shared/quality/judgeProgress';
import { BedrockCallError, classifyError, type ClassifiedError } from '../bedrock/errors';
import type { JudgePrompt } from '../db/repos/judge';
import { logError } from '../log';
import { AimdLimit } from '../runner/aimdLimit';
import { ProgressThrottle } from '../runner/progressThrottle';
import { decide } from '../runner/retryPolicy';
import type { RunnerClock, RunnerTuning } from '../runner/runnerTypes';
import { askJudge, type JudgeOutcome } from './judgeCall';
import { recordJudgeTask, type TaskResult } from './judgeRecord';
import type { JudgeTask } from './judgeTasks';

type Mode = 'running' | 'completed' | 'cancelled' | 'stopped' | 'paused';

export interface JudgeCounts {
  total: number;
  answered: number;
  failures: number;
  errors: number;
  costUsd: number;
}

export interface JudgeSessionParts {
  db: Database;
  client: BedrockRuntimeClient;
  experimentId: string;
  prompt: JudgePrompt;
  tasks: JudgeTask[];
  /** What is already recorded for this prompt version (and the judge's cost so far). */
  counts: JudgeCounts;
  /** The estimate the analyst saw before starting (null: the judge has no price). */
  estimate: { expectedUsd: number; maxUsd: number } | null;
  tuning: RunnerTuning;
  clock: RunnerClock;
  emit(progress: JudgeProgress): void;
  onEnd(session: JudgeSession): void;
}

type Settled = { kind: 'done'; result: TaskResult } | { kind: 'retry'; error: ClassifiedError };

export class JudgeSession {
  private mode: Mode = 'running';
  private reason: string | null = null;
  private head = 0;
  private readonly returned: JudgeTask[] = [];
  private inFlight = 0;
  private readonly waiting = new Map<NodeJS.Timeout, JudgeTask>();
  private readonly abort = new AbortController();
  private readonly limit: AimdLimit;
  private readonly throttle: ProgressThrottle;
  private readonly counts: JudgeCounts;
  private runCostUsd = 0;
  private tally: AnswerTally = EMPTY_TALLY;
  private endedFlag = false;
  private resolveEnd: (p: JudgeProgress) => void = () => {};
  readonly ended: Promise<JudgeProgress>;

  constructor(private readonly p: JudgeSessionParts) {
    this.limit = new AimdLimit(p.prompt.settings.concurrency);
    this.counts = { ...p.counts };
    this.throttle = new ProgressThrottle(p.tuning.progressIntervalMs, p.clock.now, () => {
      try {
        p.emit(this.snapshot());
      } catch (e) {
        logError('A judge progress listener failed', e);
      }
    });
    this.ended = new Promise((resolve) => (this.resolveEnd = resolve));
  }

  get id(): string {
    return this.p.experimentId;
  }

  get isEnded(): boolean {
    return this.endedFlag;
  }

  snapshot(): JudgeProgress {
    const c = this.counts;
    return {
      experimentId: this.id,
      status: this.mode,
      statusReason: this.reason,
      promptId: this.p.prompt.id,
      total: c.total,
      done: c.answered + c.failures + c.errors,
      answered: c.answered,
      failures: c.failures,
      errors: c.errors,
      inFlight: this.inFlight,
      costUsd: c.costUsd,
      runCostUsd: this.runCostUsd,
      runEstimate: this.p.estimate,
    };
  }

  run(): void {
    this.throttle.flush();
    this.pump();
  }

  /** Aborts calls in flight (not recorded: the next run makes them) and resolves when settled. */
  cancel(reason = 'cancelled by user'): Promise<JudgeProgress> {
    if (this.mode === 'running') this.stop('cancelled', reason);
    return this.ended;
  }

  private stop(mode: 'cancelled' | 'stopped' | 'paused', reason: string): void {
    this.mode = mode;
    this.reason = reason;
    for (const [timer] of this.waiting) clearTimeout(timer);
    this.waiting.clear();
    this.abort.abort();
    this.throttle.flush();
    this.maybeEnd();
  }

  private next(): JudgeTask | undefined {
    const back = this.returned.shift();
    if (back) return back;
    const t = this.p.tasks[this.head];
    if (t) this.head++;
    return t;
  }

  private remaining(): number {
    return this.p.tasks.length - this.head + this.returned.length;
  }

  private pump(): void {
    while (this.mode === 'running' && this.inFlight < this.limit.limit) {
      const t = this.next();
      if (!t) break;
      this.inFlight++;
      t.startedAt ??= this.p.clock.nowIso();
      void this.execute(t, this.limit.epoch);
    }
    this.throttle.changed();
    this.maybeEnd();
  }

  private async execute(task: JudgeTask, epoch: number): Promise<void> {
    const attemptsBefore = task.attempts;
    const callsBefore = task.calls;
    let settled: Settled;
    let pushedBack: boolean;
    try {
      const outcome: JudgeOutcome = await askJudge(
        this.p.client,
        task,
        this.p.prompt.settings,
        this.abort.signal,
      );
      settled = { kind: 'done', result: { outcome } };
      // More SDK attempts than calls: the SDK retried inside a call, i.e. Bedrock pushed back.
      pushedBack = task.attempts - attemptsBefore > task.calls - callsBefore;
    } catch (e) {
      const error = e instanceof BedrockCallError ? e.classification : classifyError(e);
      const attempts = e instanceof BedrockCallError ? (e.attempts ?? 1) : 1;
      task.attempts += attempts;
      pushedBack = attempts > 1 || error.kind === 'throttled';
      settled = {
        kind: 'retry',
        error: this.abort.signal.aborted ? { ...error, kind: 'cancelled' } : error,
      };
    }
    try {
      this.settle(task, settled, epoch, pushedBack);
    } catch (e) {
      logError('The judge failed to record a result', e);
    } finally {
      this.inFlight--;
      this.pump();
    }
  }

  private settle(task: JudgeTask, s: Settled, epoch: number, pushedBack: boolean): void {
    // Bedrock pushed back: halve the in-flight limit, as the experiment runner does.
    if (pushedBack) {
      this.limit.pushBack(epoch);
    } else if (s.kind === 'done') {
      this.limit.success(this.inFlight >= this.limit.limit);
    }
    if (s.kind === 'done') return this.commit(task, s.result);
    const action = decide(s.error, task.requeues, this.p.tuning);
    if (action.kind === 'giveBack') return; // cancelled: not a result, the next run makes it
    if (action.kind === 'blockModel') {
      this.commit(task, { error: s.error });
      if (this.mode === 'running')
        this.stop('stopped', `judge model unavailable: ${s.error.userMessage}`);
      return;
    }
    if (action.kind === 'requeue' && this.mode === 'running') {
      task.requeues++;
      const timer = setTimeout(() => {
        this.waiting.delete(timer);
        this.returned.push(task);
        this.pump();
      }, action.delayMs);
      this.waiting.set(timer, task);
      return;
    }
    if (action.kind === 'requeue') return;
    this.commit(task, { error: s.error });
  }

  private commit(task: JudgeTask, result: TaskResult): void {
    recordJudgeTask(this.p.db, this.id, this.p.prompt, task, result, this.p.clock.nowIso());
    const c = this.counts;
    // A task made again carries its earlier record's cost, which is already counted.
    const spent = task.costUsd - (task.prior?.costUsd ?? 0);
    c.costUsd += spent;
    this.runCostUsd += spent;
    if (task.prior?.status === 'invalid') c.failures--;
    if ('error' in result) c.errors++;
    else if (result.outcome.status === 'ok') c.answered++;
    else c.failures++;
    if ('outcome' in result) {
      const o = result.outcome;
      this.tally = tallyAnswer(this.tally, o.status === 'ok', o.status === 'invalid' && o.cutOff);
      const why = pauseReason(this.tally, this.p.prompt.settings.maxTokens);
      if (why !== null && this.mode === 'running') {
        this.stop('paused', `${why} ${spendAgainstEstimate(this.runCostUsd, this.p.estimate)}`);
      }
    }
    this.throttle.changed();
  }

  private maybeEnd(): void {
    if (this.endedFlag || this.inFlight > 0) return;
    if (this.mode === 'running') {
      if (this.waiting.size > 0 || this.remaining() > 0) return;
      this.mode = 'completed';
      const bad = this.counts.failures + this.counts.errors;
      const spend = spendAgainstEstimate(this.runCostUsd, this.p.estimate);
      this.reason =
        bad > 0
          ? `${bad} of ${this.counts.total} judge calls gave no usable score. ${spend}`
          : spend;
    }
    this.endedFlag = true;
    this.throttle.flush();
    this.resolveEnd(this.snapshot());
    this.p.onEnd(this);
  }
}
