/**
 * What the experiment runner is built from (its dependencies and tunables) and the one unit it
 * schedules: a call, i.e. one paragraph × one model × one repeat.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { RunProgress } from '../../shared/domain/run';
import type { HangSettings } from '../../shared/domain/settings';
import type { CallTimeline } from './callTimeline';
import type { LeaseKeeper } from './leaseKeeper';

export interface RunnerClock {
  /** Monotonic milliseconds; every duration the runner computes comes from here. */
  now(): number;
  /** Wall-clock ISO 8601 for the started_at / finished_at columns only. */
  nowIso(): string;
}

export const systemClock: RunnerClock = {
  now: () => performance.now(),
  nowIso: () => new Date().toISOString(),
};

export interface RunnerTuning {
  /**
   * How many times the runner itself re-queues a call after a retryable failure, on top of the
   * SDK's own attempts: a call makes at most maxAttempts(SDK) × (1 + maxRequeues) requests.
   */
  maxRequeues: number;
  /**
   * Full-jitter exponential back-off before re-queue n: random · min(cap, base · 2^(n−1)), with
   * requeueBaseMs after a throttle and retryBaseMs after any other retryable failure.
   */
  requeueBaseMs: number;
  retryBaseMs: number;
  requeueCapMs: number;
  /** How often an offline run checks whether the endpoint answers again. */
  probeIntervalMs: number;
  /** Progress is pushed at most this often (status changes are pushed at once). */
  progressIntervalMs: number;
  /** Source of jitter; injectable so that tests can make back-off deterministic. */
  random: () => number;
  /**
   * Hang detection (hangLimits.ts). A stream with no event this long after its request left, or
   * silent this long between events, is given up and retried. Unset: derived per model as
   * stallFactor × its slowest recent TTFT, within [stallFloorMs, stallCeilingMs], and
   * stallBeforeMeasuredMs until the model has answered once. The analyst's own limits come
   * through RunnerDeps.hangSettings instead, and win over these.
   */
  stallFirstEventMs?: number;
  stallIdleMs?: number;
  stallFactor: number;
  stallFloorMs: number;
  stallCeilingMs: number;
  stallBeforeMeasuredMs: number;
  /**
   * The limit is lowered only while at least this share of the last `throttleWindow` attempts
   * was throttled (throttleShare.ts); 0 lowers it on any throttle.
   */
  throttleShare: number;
  throttleWindow: number;
}

export const DEFAULT_TUNING: RunnerTuning = {
  maxRequeues: 3,
  requeueBaseMs: 500,
  retryBaseMs: 100,
  requeueCapMs: 20_000,
  probeIntervalMs: 5_000,
  progressIntervalMs: 200,
  random: Math.random,
  stallFactor: 4,
  stallFloorMs: 1_000,
  stallCeilingMs: 60_000,
  stallBeforeMeasuredMs: 10_000,
  throttleShare: 0.5,
  throttleWindow: 20,
};

export interface RunnerDeps {
  db: Database;
  /** The client for an experiment's region; the runner never builds clients itself. */
  clientFor(region: string): BedrockRuntimeClient;
  /** Receives progress, at most every progressIntervalMs and on every status change. */
  emit(progress: RunProgress): void;
  /**
   * Whether Bedrock's endpoint for `region` answers at all, without a paid model call. Defaults
   * to a TCP connect to the endpoint the region's client resolves (reachability.ts).
   */
  probeOnline?(region: string): Promise<boolean>;
  clock?: RunnerClock;
  tuning?: Partial<RunnerTuning>;
  /**
   * The hang limits the analyst set (Settings, or `run --stall-first-event / --stall-idle`),
   * read when a run starts or resumes, so that saved settings apply to the next run. Null
   * (or no reader) leaves the limit derived from the model's measured TTFT.
   */
  hangSettings?: () => HangSettings;
  /** This process's run leases; defaults to one labelled 'app'. */
  leases?: LeaseKeeper;
}

/** One call of an experiment and what the runner has spent on it so far. */
export interface CallSpec {
  readonly key: string;
  readonly paragraphId: string;
  readonly modelId: string;
  readonly role: 'teacher' | 'student';
  readonly repeatIndex: number;
  readonly userText: string;
  /** Times the runner re-queued it after a retryable failure. */
  requeues: number;
  /** Requests the SDK reported across all tries so far (recorded as `attempts`). */
  attempts: number;
  /** Every attempt so far, timed; made at the first try (calls not yet tried hold none). */
  timeline: CallTimeline | undefined;
  /** Wall-clock start of the first try. */
  startedAt: string | undefined;
  /**
   * The application inference profile the latest try was sent through (null: the model id
   * itself). Looked up per try, so a profile created mid-run applies to the calls still to make.
   */
  profileArn?: string | null;
}
