/**
 * What the runner does with a failed try. The SDK has already spent its own attempts (standard
 * mode, `maxAttempts` of the client) on throttles, 5xx and connection errors by the time the
 * runner sees a failure; the runner adds at most `maxRequeues` more tries per call, each after a
 * full-jitter exponential back-off, and also retries what the SDK never does (a stream cut or
 * garbled mid-way, a 408 model timeout). So one call costs at most
 * maxAttempts × (1 + maxRequeues) requests; tries lost to an outage confirmed by the offline
 * probe are not counted, since the request never reached Bedrock or its answer never came.
 */
import type { BedrockErrorKind, ClassifiedError } from '../bedrock/errors';
import type { RunnerTuning } from './runnerTypes';

export type FailureAction =
  /** Aborted by cancel or by closing the app: not a result; the call stays to be made. */
  | { kind: 'giveBack' }
  /** This model cannot be called (access, id, credentials): record this one call, stop the model. */
  | { kind: 'blockModel' }
  /** Try again after `delayMs` (the runner may first check that Bedrock is reachable). */
  | { kind: 'requeue'; delayMs: number }
  /** A final answer: record the call as an error. */
  | { kind: 'record' };

/** Failures that look the same when the network, not Bedrock, is the problem. */
const MAYBE_OFFLINE: ReadonlySet<BedrockErrorKind> = new Set(['network', 'stream_cut', 'timeout']);

export const mayBeOffline = (c: ClassifiedError): boolean => MAYBE_OFFLINE.has(c.kind);

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): spreads retries out.
 * A throttle asks the caller to slow down and gets the long base; a 5xx, a hang or a garbled
 * stream says nothing about load and gets a short one (the SDK's own split: 500 ms and 100 ms),
 * so that a few unlucky calls do not each sit out seconds while the run waits for them.
 */
export function backoffMs(
  requeue: number,
  tuning: RunnerTuning,
  kind: BedrockErrorKind = 'throttled',
): number {
  const base = kind === 'throttled' ? tuning.requeueBaseMs : tuning.retryBaseMs;
  const ceiling = Math.min(tuning.requeueCapMs, base * 2 ** Math.max(0, requeue - 1));
  return Math.round(tuning.random() * ceiling);
}

export function decide(
  c: ClassifiedError,
  requeuesSoFar: number,
  tuning: RunnerTuning,
): FailureAction {
  if (c.kind === 'cancelled') return { kind: 'giveBack' };
  if (c.failFastPerModel) return { kind: 'blockModel' };
  if (c.retryable && requeuesSoFar < tuning.maxRequeues) {
    return { kind: 'requeue', delayMs: backoffMs(requeuesSoFar + 1, tuning, c.kind) };
  }
  return { kind: 'record' };
}
