/**
 * Hang detection from the stream itself. A hung connection (no byte ever comes, or events stop
 * mid-way) would otherwise hold a slot of the run until the socket's request or idle timeout,
 * 60 s by default: long enough for a few hangs to stall a whole run. The watch aborts the
 * attempt once the first event is later than `firstEventMs` after the attempt left, or the
 * next event later than `idleMs` after the previous one.
 *
 * One timer per call, re-armed only when it fires: noting an event costs a clock read.
 */
import { performance } from 'node:perf_hooks';

export interface StallLimits {
  /** Longest wait from an attempt's start to the stream's first event. */
  firstEventMs: number;
  /** Longest silence between two events once the stream has started. */
  idleMs: number;
}

/** The stream went silent: classified as a 'timeout' (a hang), retryable, not a throttle. */
export class StreamStalledError extends Error {
  override readonly name = 'StreamStalledError';
}

export class StallWatch {
  private last = performance.now();
  private started = false;
  /** Between a failed attempt and the next: the SDK's back-off is not a hang. */
  private waiting = false;
  private timer: NodeJS.Timeout | undefined;
  private stalledWith: StreamStalledError | undefined;

  constructor(
    private readonly limits: StallLimits,
    private readonly onStall: () => void,
  ) {
    this.arm(limits.firstEventMs);
  }

  /** Why the stream was given up, once it was. */
  get stalled(): StreamStalledError | undefined {
    return this.stalledWith;
  }

  /** A new attempt left (the SDK retries inside one call): its first event is awaited anew. */
  attemptStarted(): void {
    this.last = performance.now();
    this.started = false;
    this.waiting = false;
  }

  attemptFailed(): void {
    this.waiting = true;
  }

  event(): void {
    this.last = performance.now();
    this.started = true;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(this.check, Math.max(1, Math.ceil(ms)));
  }

  private readonly check = (): void => {
    const limit = this.started ? this.limits.idleMs : this.limits.firstEventMs;
    if (this.waiting) return this.arm(limit);
    const silent = performance.now() - this.last;
    if (silent < limit) return this.arm(limit - silent);
    this.timer = undefined;
    this.stalledWith = new StreamStalledError(
      this.started
        ? `No event for ${Math.round(silent)} ms in the middle of the stream (limit ${Math.round(limit)} ms: stallIdleMs in Settings, --stall-idle on the command line).`
        : `Nothing streamed for ${Math.round(silent)} ms after the request left (limit ${Math.round(limit)} ms: stallFirstEventMs in Settings, --stall-first-event on the command line).`,
    );
    this.onStall();
  };
}
