/**
 * One experiment being run: dispatches its missing calls within the AIMD limit, commits every
 * result the moment it arrives, and moves between running, offline (waiting for the network),
 * paused (by the user, the budget or blocked models), cancelled and completed. A session ends
 * once nothing is in flight and it is not waiting to come back online.
 */
import type { ModelPrice } from '../../shared/domain/experiment';
import type { LimitChange, RunProgress } from '../../shared/domain/run';
import { formatUsd } from '../../shared/format';
import { setExperimentStatus } from '../db/repos/experiments';
import { experimentProfileArn } from '../db/repos/billing';
import { insertRun } from '../db/repos/runs';
import { logError, logInfo } from '../log';
import { refreshRougeScores, ROUGE_EVERY_RUNS } from '../quality/rougeScoring';
import { AimdLimit, type LimitMove } from './aimdLimit';
import { BackoffTimers } from './backoffTimers';
import { attemptCall, type Outcome } from './callAttempt';
import { errorRecord, successRecord, type NewRun } from './callRecord';
import { CallTimeline } from './callTimeline';
import { HangLimits } from './hangLimits';
import { ThrottleShare } from './throttleShare';
import { OfflineWatch } from './offlineWatch';
import { ProgressThrottle } from './progressThrottle';
import { decide, mayBeOffline } from './retryPolicy';
import type { CallSpec } from './runnerTypes';
import { endOfRun, STATUS, type Mode, type SessionParts } from './sessionParts';

/** What retries cost a stored call, for the live counters. */
const retryCost = (row: NewRun) => ({
  throttles: row.throttles ?? 0,
  retries: Math.max(0, row.attempts - 1),
  lostMs: row.lostMs ?? 0,
});

export class ExperimentSession {
  private mode: Mode = 'running';
  private reason: string | null = null;
  /** One controller per call in flight: a shared signal would pile up abort listeners. */
  private readonly inFlight = new Set<AbortController>();
  private readonly backoff = new BackoffTimers();
  private readonly limit: AimdLimit;
  private readonly prices: Map<string, ModelPrice>;
  private readonly throttle: ProgressThrottle;
  private readonly offline: OfflineWatch;
  private readonly hang: HangLimits;
  private readonly refusals: ThrottleShare;
  private limitChange: LimitChange | undefined;
  private endedFlag = false;
  /** Successful results stored since ROUGE was last brought up to date, and in all. */
  /** Paragraphs whose results landed since the last ROUGE refresh, and how many results. */
  private readonly unscoredParagraphs = new Set<string>();
  private unscored = 0;
  /**
   * The session's first refresh reads the whole experiment: results a killed session stored
   * but never scored are found there. Later ones read only the paragraphs that landed since.
   */
  private refreshedWhole = false;
  private scoreScheduled = false;
  private resolveEnd: (p: RunProgress) => void = () => {};
  readonly ended: Promise<RunProgress>;

  constructor(private readonly p: SessionParts) {
    const config = p.experiment.config;
    this.limit = new AimdLimit(config.concurrency);
    this.prices = new Map(config.prices.map((x) => [x.modelId, x]));
    this.throttle = new ProgressThrottle(p.tuning.progressIntervalMs, p.clock.now, () =>
      this.emit(),
    );
    this.offline = new OfflineWatch(() => p.probeOnline(config.region), p.tuning.probeIntervalMs);
    this.hang = new HangLimits(p.tuning);
    this.refusals = new ThrottleShare(p.tuning.throttleWindow, p.tuning.throttleShare);
    this.ended = new Promise((resolve) => (this.resolveEnd = resolve));
  }

  get id(): string {
    return this.p.experiment.id;
  }

  snapshot(): RunProgress {
    return this.p.counters.snapshot({
      status: STATUS[this.mode],
      statusReason: this.reason,
      inFlight: this.inFlight.size,
      concurrency: this.limit.limit,
      callsLeft: this.p.queue.remaining() + this.backoff.size + this.inFlight.size,
      blockedReason: (modelId) => this.p.queue.blockedReason(modelId),
      limitChange: this.limitChange,
      offline: this.mode === 'offline',
    });
  }

  /** Starts dispatching, or dispatches again after a pause, a cancel or while offline. */
  run(): void {
    if (this.endedFlag) throw new Error('A session that ended cannot run again.');
    this.offline.stop();
    this.setMode('running', null);
    this.pump();
  }

  /** Stops dispatching; calls in flight finish and are committed. */
  pause(reason = 'paused by user'): void {
    if (this.mode !== 'completed' && this.mode !== 'cancelled') this.hold(reason);
  }

  /** Stops dispatching and aborts the calls in flight, which are not recorded. */
  stop(status: 'cancelled' | 'paused', reason: string): Promise<RunProgress> {
    if (!this.endedFlag) {
      this.hold(reason, status === 'cancelled' ? 'cancelled' : 'paused', false);
      for (const call of this.inFlight) call.abort();
      this.maybeEnd();
    }
    return this.ended;
  }

  private hold(reason: string, mode: 'paused' | 'cancelled' = 'paused', end = true): void {
    for (const spec of this.backoff.release()) this.p.queue.giveBack(spec);
    this.offline.stop();
    this.setMode(mode, reason);
    if (end) this.maybeEnd();
  }

  private setMode(mode: Mode, reason: string | null): void {
    this.mode = mode;
    this.reason = reason;
    this.p.counters.setActive(mode === 'running');
    try {
      setExperimentStatus(this.p.deps.db, this.id, STATUS[mode], reason);
    } catch (e) {
      logError(`Could not store the status of experiment ${this.id}`, e);
    }
    this.throttle.flush();
  }

  private emit(): void {
    try {
      this.p.deps.emit(this.snapshot());
    } catch (e) {
      logError('A progress listener failed', e);
    }
  }

  private pump(): void {
    if (this.mode === 'running') {
      const budget = this.p.experiment.config.budgetUsd;
      while (this.inFlight.size < this.limit.limit) {
        const spec = this.p.queue.take();
        if (!spec) break;
        // Checked per call to dispatch, so that a run whose last call crossed the budget
        // still completes; calls in flight when it is crossed finish and are stored.
        if (budget !== null && this.p.counters.spent >= budget) {
          this.p.queue.settled(spec);
          this.p.queue.giveBack(spec);
          const spent = `${formatUsd(this.p.counters.spent)} of ${formatUsd(budget)}`;
          return this.hold(`budget reached: spent ${spent}`);
        }
        void this.execute(spec);
      }
      this.throttle.changed();
    }
    this.maybeEnd();
  }

  private async execute(spec: CallSpec): Promise<void> {
    const call = new AbortController();
    this.inFlight.add(call);
    spec.startedAt ??= this.p.clock.nowIso();
    const epoch = this.limit.epoch;
    const config = this.p.experiment.config;
    spec.profileArn = this.profileFor(spec.modelId, config.region);
    // Asked per call, not per session: a client rebuilt after the user changed credentials
    // (the app's pool does that) is used from the next call on, even by a paused session.
    const outcome = await attemptCall(
      () => this.p.deps.clientFor(config.region),
      config,
      spec,
      call.signal,
      this.hang.limitsFor(spec.modelId),
      () => {
        // The model answers: its other calls may now fill every free slot.
        this.p.queue.prove(spec.modelId);
        this.pump();
      },
    );
    try {
      await this.settle(spec, outcome, epoch);
    } catch (e) {
      logError(`The runner failed to settle a call of ${spec.modelId}`, e);
    } finally {
      this.inFlight.delete(call);
      this.p.queue.settled(spec);
      this.throttle.changed();
      this.pump();
    }
  }

  /** The experiment's tagged profile for a model, read per try; a failed read calls the model. */
  private profileFor(modelId: string, region: string): string | null {
    try {
      return experimentProfileArn(this.p.deps.db, this.id, modelId, region);
    } catch (e) {
      logError(`Could not read the inference profile of ${modelId}`, e);
      return null;
    }
  }

  private async settle(spec: CallSpec, outcome: Outcome, epoch: number): Promise<void> {
    const finishedAt = () => this.p.clock.nowIso();
    const timeline = (spec.timeline ??= new CallTimeline());
    if ('ok' in outcome) {
      const m = outcome.ok;
      spec.attempts += m.attempts;
      const throttled = timeline.addTry(
        outcome.dispatchedMs,
        outcome.endedMs,
        outcome.sdkAttempts,
        undefined,
        this.noteAttempt,
      );
      // Throttled before it answered (the SDK retried): Bedrock pushed back all the same.
      if (throttled) this.pushBack(epoch, spec.modelId);
      else this.grow();
      this.hang.observe(spec.modelId, m.ttftMs);
      this.p.queue.prove(spec.modelId);
      const price = this.prices.get(spec.modelId);
      if (!price) throw new Error(`No price for ${spec.modelId}`);
      const row = successRecord(this.id, spec, m, price, finishedAt());
      const cost = row.costUsd ?? 0;
      return this.commit(row, () => {
        this.p.counters.ok(spec.modelId, m.inputTokens, m.outputTokens, cost, retryCost(row));
        this.unscored += 1;
        this.unscoredParagraphs.add(spec.paragraphId);
        if (this.unscored >= ROUGE_EVERY_RUNS) this.scoreSoon();
      });
    }
    const { error, attempts } = outcome;
    const action = decide(error, spec.requeues, this.p.tuning);
    if (action.kind === 'giveBack') return this.p.queue.giveBack(spec);
    if (mayBeOffline(error) && !(await this.offline.reachable())) {
      // The network, not Bedrock, failed this try: wait for it without spending a retry.
      this.goOffline(error.userMessage);
      return this.p.queue.giveBack(spec);
    }
    spec.attempts += attempts;
    const { dispatchedMs, endedMs, sdkAttempts } = outcome;
    if (timeline.addTry(dispatchedMs, endedMs, sdkAttempts, error, this.noteAttempt)) {
      this.pushBack(epoch, spec.modelId);
    }
    const recordError = () => {
      const row = errorRecord(this.id, spec, error, finishedAt());
      this.commit(row, () => this.p.counters.error(spec.modelId, retryCost(row)));
    };
    if (action.kind === 'blockModel') {
      // Only the first such failure is recorded; others already in flight stay missing.
      if (!this.p.queue.block(spec.modelId, error.userMessage)) return;
      logInfo(`Stopped calling ${spec.modelId}: ${error.userMessage}`);
      recordError();
      return this.throttle.flush();
    }
    if (action.kind === 'record') return recordError();
    spec.requeues++;
    if (this.mode !== 'running' && this.mode !== 'offline') return this.p.queue.giveBack(spec);
    this.backoff.schedule(spec, action.delayMs, (ready) => {
      this.p.queue.giveBack(ready);
      this.pump();
    });
  }

  private readonly noteAttempt = (throttled: boolean): void => this.refusals.note(throttled);

  /** Bedrock throttled a call: the limit goes down if throttles are most of what comes back. */
  private pushBack(epoch: number, modelId: string): void {
    if (!this.refusals.high()) return;
    this.moveLimit(
      this.limit.pushBack(epoch),
      `Bedrock throttled ${this.refusals.describe()} (the latest a call of ${modelId})`,
    );
  }

  /** A success while the run had more work than slots (in flight at the limit, or retries due). */
  private grow(): void {
    const saturated = this.inFlight.size >= this.limit.limit || this.backoff.size > 0;
    this.moveLimit(
      this.limit.success(saturated),
      (m) => `${m.from} more calls answered while every slot was busy`,
    );
  }

  private moveLimit(move: LimitMove | undefined, why: string | ((m: LimitMove) => string)): void {
    if (!move) return;
    const verb = move.to < move.from ? 'lowered' : 'raised';
    this.limitChange = {
      from: move.from,
      to: move.to,
      reason: `${verb} from ${move.from} to ${move.to}: ${typeof why === 'string' ? why : why(move)}`,
      atMs: this.p.counters.elapsed(),
      seq: (this.limitChange?.seq ?? 0) + 1,
    };
    logInfo(`Experiment ${this.id}: concurrency ${this.limitChange.reason}`);
    // News worth showing at once: the UI and the CLI say why the run slowed down or sped up.
    this.throttle.flush();
  }

  /** One INSERT in autocommit: durable against a kill (WAL) before anything else happens. */
  private commit(row: NewRun, count: () => void): void {
    try {
      insertRun(this.p.deps.db, row);
      count();
    } catch (e) {
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        // Another runner stored this call first: keep its result, do not count it twice.
        logInfo(`A result for this call of ${row.modelId} was already stored; keeping that one.`);
        return;
      }
      logError(`Could not store a result of experiment ${this.id}`, e);
      this.hold(`storage error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Scores once the calls this result frees a slot for are on their way: scoring is synchronous,
   * and done here, before the next dispatch, every call it held back would wait for it.
   */
  private scoreSoon(): void {
    if (this.scoreScheduled) return;
    this.scoreScheduled = true;
    setImmediate(() => {
      this.scoreScheduled = false;
      // An ended session scored what it had as it ended (maybeEnd).
      if (!this.endedFlag) this.scoreRouge();
    });
  }

  /** Scores what landed, so readers (quality view, report, exports) find it scored. */
  private scoreRouge(): void {
    if (this.unscored === 0) return;
    try {
      refreshRougeScores(
        this.p.deps.db,
        this.p.experiment,
        this.refreshedWhole ? this.unscoredParagraphs : undefined,
      );
      this.refreshedWhole = true;
      this.unscored = 0;
      this.unscoredParagraphs.clear();
    } catch (e) {
      // The results are stored; scoring is retried at the next refresh (or the next start).
      logError(`Could not score ROUGE for experiment ${this.id}`, e);
    }
  }

  private goOffline(message: string): void {
    if (this.mode !== 'running') return;
    this.setMode('offline', `offline: ${message}`);
    this.offline.watch(() => {
      if (this.mode === 'offline' && !this.endedFlag) this.run();
    });
  }

  private maybeEnd(): void {
    if (this.endedFlag || this.inFlight.size > 0 || this.mode === 'offline') return;
    if (this.mode === 'running') {
      if (this.backoff.size > 0 || this.p.queue.remaining() > 0) return;
      const end = endOfRun(this.p.queue.blocked(), this.p.counters.failures);
      this.setMode(end.mode, end.reason);
    }
    this.endedFlag = true;
    this.offline.stop();
    this.scoreRouge();
    this.throttle.flushPending();
    this.resolveEnd(this.snapshot());
    this.p.onEnd(this);
  }
}
