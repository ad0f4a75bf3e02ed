/**
 * Pieces shared by the streaming and the one-shot call: the request shape, the measurement
 * record, cancellation, and turning failures into BedrockCallError.
 */
import type {
  BedrockRuntimeClient,
  ConverseCommandInput,
  ConverseStreamCommandInput,
  ServiceTierType,
} from '@aws-sdk/client-bedrock-runtime';
import type { Milliseconds, Tokens } from '../../shared/units';
import type { SdkAttempt } from './attemptTimeline';
import { BedrockCallError, classifyError } from './errors';
import type { StallLimits } from './stallWatch';

export interface CompletionRequest {
  modelId: string;
  system?: string;
  userText: string;
  maxTokens: number;
  temperature: number;
  topP: number;
  /** Sent as `serviceTier: {type}` unless absent or 'default' (omitting it means Standard). */
  serviceTier?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Called once, when the first text arrives, with the time to first token. */
  onFirstToken?: (ttftMs: Milliseconds) => void;
  /** Called for every piece of text as it arrives. */
  onDelta?: (text: string) => void;
  /** Stream only: give up an attempt whose stream goes silent this long (hang detection). */
  stall?: StallLimits;
}

/** What one successful call produced and how long it took, as measured by the client. */
export interface CallMeasurement {
  modelId: string;
  text: string;
  stopReason: string | undefined;
  inputTokens: Tokens;
  outputTokens: Tokens;
  /**
   * Monotonic clock, from when the attempt that succeeded left to the metadata event (stream)
   * or the parsed answer (one-shot). The SDK's failed attempts and their back-off are not in
   * it: they are in `sdkAttempts`.
   */
  e2eLatencyMs: Milliseconds;
  /** From when the successful attempt left to the first text delta; undefined for one-shot. */
  ttftMs: Milliseconds | undefined;
  /** Bedrock's own `metrics.latencyMs`. */
  serverLatencyMs: Milliseconds | undefined;
  /** Attempts the SDK made (1 = no retry). */
  attempts: number;
  /** Each of them timed; the last is the one that succeeded (empty if the SDK skipped the hook). */
  sdkAttempts: SdkAttempt[];
  requestId: string | undefined;
  /** Wall-clock start, ISO 8601, for records only (never used to compute durations). */
  startedAt: string;
  /** The service tier the response reported, if it did. */
  serviceTier?: string | undefined;
}

export function toConverseInput(
  request: CompletionRequest,
): ConverseCommandInput & ConverseStreamCommandInput {
  return {
    modelId: request.modelId,
    messages: [{ role: 'user', content: [{ text: request.userText }] }],
    ...(request.system !== undefined ? { system: [{ text: request.system }] } : {}),
    inferenceConfig: {
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      topP: request.topP,
    },
    ...(request.serviceTier !== undefined && request.serviceTier !== 'default'
      ? { serviceTier: { type: request.serviceTier as ServiceTierType } }
      : {}),
  };
}

/** The stream closed cleanly but before its metadata event: classified as 'stream_cut'. */
export class StreamEndedEarlyError extends Error {
  override readonly name = 'StreamEndedEarlyError';
}

/** The answer parsed but lacks a field Bedrock always sends: classified as 'malformed'. */
export class MalformedAnswerError extends Error {
  override readonly name = 'MalformedAnswerError';
}

export function abortReason(signal: AbortSignal): Error {
  const error = new Error('The call was cancelled.', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

/**
 * Iterates `source` but gives up as soon as `signal` aborts, even if the source is waiting
 * for bytes that will never come: a cancelled run must stop now, not when the model is done.
 */
export async function* untilAborted<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  if (!signal) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {}); // handled by the race below; this only silences the orphan
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Lets the SDK release the socket; its own abort listener has usually destroyed it already.
    iterator.return?.().catch(() => {});
  }
}

async function regionOf(client: BedrockRuntimeClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}

/** Wraps any failure of a call into a BedrockCallError with its classification. */
export async function toCallError(
  client: BedrockRuntimeClient,
  error: unknown,
  modelId: string,
  duringStream: boolean,
  signal: AbortSignal | undefined,
  sdkAttempts: SdkAttempt[] = [],
): Promise<BedrockCallError> {
  if (error instanceof BedrockCallError) return error;
  const classification = classifyError(error, {
    modelId,
    region: await regionOf(client),
    duringStream,
    aborted: signal?.aborted === true,
  });
  const attempts = (error as { $metadata?: { attempts?: number } } | null)?.$metadata?.attempts;
  return new BedrockCallError(
    classification,
    modelId,
    error,
    attempts ?? (sdkAttempts.length > 0 ? sdkAttempts.length : undefined),
    sdkAttempts,
  );
}
