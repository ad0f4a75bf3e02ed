/**
 * Live counters of a run, so that each progress event costs O(models), whatever the number of
 * calls: the store is read once when a session starts, then every recorded call adds to these.
 */
import type { ExperimentStatus } from '../../shared/domain/experiment';
import type { LimitChange, RunProgress } from '../../shared/domain/run';
import type { ExperimentCounts } from '../db/repos/experimentStats';
import { lostTenths, wholeMsOfTenths } from '../../shared/metrics/lostTime';

interface ModelCounters {
  modelId: string;
  done: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  throttles: number;
  retries: number;
  /** Time lost to retries in whole tenths of a millisecond (lostTime.ts: order-free sums). */
  lostTenths: number;
  /** Calls stored from batch jobs before this session (a session makes its calls on demand). */
  batchCalls: number;
}

/** What retries cost one stored call. */
export interface RetryCost {
  throttles: number;
  retries: number;
  lostMs: number;
}

export interface LiveState {
  status: ExperimentStatus;
  statusReason: string | null;
  inFlight: number;
  concurrency: number;
  /** Calls this session still intends to make (queued, backing off, in flight). */
  callsLeft: number;
  blockedReason(modelId: string): string | null;
  limitChange: LimitChange | undefined;
  /** Paused because the network is down, resuming by itself. */
  offline: boolean;
}

export class ProgressCounters {
  private readonly models: ModelCounters[];
  private readonly byId = new Map<string, ModelCounters>();
  private done = 0;
  private failed = 0;
  private spentUsd = 0;
  /** Calls recorded by this session, for its rate and ETA. */
  private doneHere = 0;
  private activeMs = 0;
  private activeSince: number | null = null;

  constructor(
    private readonly experimentId: string,
    modelIds: readonly string[],
    private readonly perModelTotal: number,
    stored: ExperimentCounts,
    private readonly now: () => number,
  ) {
    this.models = modelIds.map((modelId) => {
      const s = stored.perModel.get(modelId);
      const c: ModelCounters = {
        modelId,
        done: s?.done ?? 0,
        failed: s?.failed ?? 0,
        inputTokens: s?.inputTokens ?? 0,
        outputTokens: s?.outputTokens ?? 0,
        costUsd: s?.costUsd ?? 0,
        throttles: s?.throttles ?? 0,
        retries: s?.retries ?? 0,
        lostTenths: s?.lostTenths ?? 0,
        batchCalls: s?.batchCalls ?? 0,
      };
      this.byId.set(modelId, c);
      this.done += c.done;
      this.failed += c.failed;
      this.spentUsd += c.costUsd;
      return c;
    });
  }

  get spent(): number {
    return this.spentUsd;
  }

  get failures(): number {
    return this.failed;
  }

  /** Elapsed time counts while the session dispatches, not while it is paused or offline. */
  setActive(active: boolean): void {
    const t = this.now();
    if (active && this.activeSince === null) this.activeSince = t;
    if (!active && this.activeSince !== null) {
      this.activeMs += t - this.activeSince;
      this.activeSince = null;
    }
  }

  elapsed(): number {
    return this.activeMs + (this.activeSince === null ? 0 : this.now() - this.activeSince);
  }

  private addRetries(c: ModelCounters, r: RetryCost): void {
    c.throttles += r.throttles;
    c.retries += r.retries;
    c.lostTenths += lostTenths(r.lostMs);
  }

  ok(
    modelId: string,
    inputTokens: number,
    outputTokens: number,
    costUsd: number,
    retries: RetryCost,
  ): void {
    const c = this.byId.get(modelId);
    if (!c) return;
    this.addRetries(c, retries);
    c.done++;
    c.inputTokens += inputTokens;
    c.outputTokens += outputTokens;
    c.costUsd += costUsd;
    this.done++;
    this.doneHere++;
    this.spentUsd += costUsd;
  }

  error(modelId: string, retries: RetryCost): void {
    const c = this.byId.get(modelId);
    if (!c) return;
    this.addRetries(c, retries);
    c.done++;
    c.failed++;
    this.done++;
    this.doneHere++;
    this.failed++;
  }

  snapshot(live: LiveState): RunProgress {
    const elapsedMs = this.elapsed();
    const rate = elapsedMs > 0 ? this.doneHere / elapsedMs : 0;
    return {
      experimentId: this.experimentId,
      status: live.status,
      statusReason: live.statusReason,
      done: this.done,
      total: this.perModelTotal * this.models.length,
      failed: this.failed,
      inFlight: live.inFlight,
      concurrency: live.concurrency,
      elapsedMs,
      etaMs:
        live.status === 'running' && rate > 0
          ? Math.round(live.callsLeft / rate)
          : live.callsLeft === 0
            ? 0
            : null,
      spentUsd: this.spentUsd,
      ...(live.limitChange ? { limitChange: live.limitChange } : {}),
      ...(live.offline ? { offline: true } : {}),
      perModel: this.models.map((c) => {
        const blocked = live.blockedReason(c.modelId);
        return {
          modelId: c.modelId,
          done: c.done,
          total: this.perModelTotal,
          failed: c.failed,
          inputTokens: c.inputTokens,
          outputTokens: c.outputTokens,
          costUsd: c.costUsd,
          throttles: c.throttles,
          retries: c.retries,
          lostMs: wholeMsOfTenths(c.lostTenths),
          batchCalls: c.batchCalls,
          ...(blocked === null ? {} : { blocked }),
        };
      }),
    };
  }
}
