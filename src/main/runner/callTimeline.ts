/**
 * Every attempt of one call, across the runner's own tries and the SDK's hidden retries, and
 * what they cost: the time lost to failed attempts and to the waits before retries is kept
 * apart from the latency of the attempt that answered.
 */
import type { CallAttempt } from '../../shared/domain/run';
import type { SdkAttempt } from '../bedrock/converseStream';
import { classifyError, type ClassifiedError } from '../bedrock/errors';

export class CallTimeline {
  readonly attempts: CallAttempt[] = [];
  /** Attempts Bedrock throttled. */
  throttles = 0;
  /** performance.now() of the first attempt's start: every stored time is relative to it. */
  private origin: number | undefined;
  private lastEnd: number | undefined;

  /**
   * Adds one try of the runner: the SDK's attempts within it, the last of which ended the try
   * at `endedMs` (the stream's end), with `failure` or with an answer. `each` hears of every
   * attempt, throttled or not. Returns whether Bedrock throttled any of them.
   */
  addTry(
    dispatchedMs: number,
    endedMs: number,
    sdk: readonly SdkAttempt[],
    failure: ClassifiedError | undefined,
    each: (throttled: boolean) => void = () => {},
  ): boolean {
    // A try that failed before sending (a credential provider) still took time and counts.
    const tries: readonly SdkAttempt[] =
      sdk.length > 0
        ? sdk
        : [{ startMs: dispatchedMs, endMs: endedMs, httpStatus: undefined, error: undefined }];
    let throttled = false;
    for (let i = 0; i < tries.length; i++) {
      const a = tries[i] as SdkAttempt;
      const last = i === tries.length - 1;
      // The try's own classification describes its last attempt (a stall, a garbled stream
      // after a 200); the SDK's earlier attempts each carry the error they failed with.
      const error = last ? failure : a.error === undefined ? undefined : classifyError(a.error);
      const origin = (this.origin ??= a.startMs);
      const end = last ? endedMs : a.endMs;
      this.attempts.push({
        status: error ? 'error' : 'ok',
        errorClass: error?.kind ?? null,
        httpStatus: a.httpStatus ?? error?.httpStatus ?? null,
        startMs: round(a.startMs - origin),
        endMs: round(end - origin),
        waitMs: this.lastEnd === undefined ? 0 : round(Math.max(0, a.startMs - this.lastEnd)),
      });
      this.lastEnd = end;
      const refused = error?.kind === 'throttled';
      each(refused);
      if (refused) {
        throttled = true;
        this.throttles++;
      }
    }
    return throttled;
  }

  /**
   * Time lost to retries: up to the start of the attempt that answered, or, for a call that
   * ended in an error, all of it.
   */
  lostMs(answered: boolean): number {
    const last = this.attempts.at(-1);
    if (!last) return 0;
    return answered ? last.startMs : last.endMs;
  }
}

const round = (x: number): number => Math.round(x * 10) / 10;
