/**
 * The SDK's own attempts inside one `send`, timed one by one. The SDK retries throttles, 5xx and
 * socket errors itself (standard mode) and reports only a count; without each attempt's start,
 * a call that waited out two throttles would report their back-off as model latency. A
 * middleware in the deserialize step sits inside the retry loop (finalizeRequest), so it runs
 * once per attempt: it sees when each attempt left (after any back-off) and how it ended.
 */
import { performance } from 'node:perf_hooks';

/** One HTTP attempt the SDK made. Times are performance.now() milliseconds. */
export interface SdkAttempt {
  /** When the attempt left, after the back-off (if any) that preceded it. */
  startMs: number;
  /** When its response headers arrived, or when it failed. */
  endMs: number;
  /** HTTP status of the response, when one came. */
  httpStatus: number | undefined;
  /** What it failed with; undefined when its response was handed over to be read. */
  error: unknown;
}

interface MiddlewareStack {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
    options: { step: 'deserialize'; name: string; priority: 'high' },
  ): void;
}

const statusOf = (value: unknown): number | undefined => {
  const v = value as {
    response?: { statusCode?: unknown };
    $metadata?: { httpStatusCode?: unknown };
  };
  const s = v?.response?.statusCode ?? v?.$metadata?.httpStatusCode;
  return typeof s === 'number' ? s : undefined;
};

export interface AttemptHooks {
  /** An attempt leaves. */
  started(): void;
  /** An attempt failed; the SDK may now back off before the next one. */
  failed(): void;
}

const NO_HOOKS: AttemptHooks = { started: () => {}, failed: () => {} };

/**
 * Adds the timing middleware to one command (not the client: other callers share it) and
 * returns the list it fills.
 */
export function timeAttempts(
  command: { middlewareStack: unknown },
  hooks: AttemptHooks = NO_HOOKS,
): SdkAttempt[] {
  const attempts: SdkAttempt[] = [];
  (command.middlewareStack as MiddlewareStack).add(
    (next) => async (args) => {
      const attempt: SdkAttempt = {
        startMs: performance.now(),
        endMs: Number.NaN,
        httpStatus: undefined,
        error: undefined,
      };
      attempts.push(attempt);
      hooks.started();
      try {
        const out = await next(args);
        attempt.httpStatus = statusOf(out);
        return out;
      } catch (e) {
        attempt.error = e;
        attempt.httpStatus = statusOf(e);
        hooks.failed();
        throw e;
      } finally {
        attempt.endMs = performance.now();
      }
    },
    { step: 'deserialize', name: 'distillAttemptTimeline', priority: 'high' },
  );
  return attempts;
}
