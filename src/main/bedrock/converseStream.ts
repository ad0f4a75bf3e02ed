/**
 * One model call, measured. `streamCompletion` is what experiment runs use (it sees the first
 * token); `converseOnce` serves the LLM judge and "Test connection", where only the answer
 * matters. Both throw only BedrockCallError, already classified.
 */
import { performance } from 'node:perf_hooks';
import {
  ConverseCommand,
  ConverseStreamCommand,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { ms, tokens, type Milliseconds } from '../../shared/units';
import {
  abortReason,
  MalformedAnswerError,
  StreamEndedEarlyError,
  toCallError,
  toConverseInput,
  untilAborted,
  type CallMeasurement,
  type CallOptions,
  type CompletionRequest,
} from './callSupport';
import { timeAttempts } from './attemptTimeline';
import { StallWatch } from './stallWatch';

export type { CallMeasurement, CallOptions, CompletionRequest } from './callSupport';
export type { SdkAttempt } from './attemptTimeline';
export { StreamStalledError, type StallLimits } from './stallWatch';

interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

function requireUsage(usage: Usage | undefined): { inputTokens: number; outputTokens: number } {
  if (usage?.inputTokens === undefined || usage.outputTokens === undefined) {
    throw new MalformedAnswerError('The answer carried no token usage.');
  }
  return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
}

const elapsed = (t0: number): Milliseconds => ms(performance.now() - t0);

export async function streamCompletion(
  client: BedrockRuntimeClient,
  request: CompletionRequest,
  options: CallOptions = {},
): Promise<CallMeasurement> {
  const { signal, onFirstToken, onDelta, stall } = options;
  let duringStream = false;
  // Our own signal for the request: the caller's cancel and the stall watch both abort it.
  const request$ = new AbortController();
  const forward = () => request$.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const watch = stall ? new StallWatch(stall, () => request$.abort()) : undefined;
  const command = new ConverseStreamCommand(toConverseInput(request));
  const sdkAttempts = timeAttempts(command, {
    started: () => watch?.attemptStarted(),
    failed: () => watch?.attemptFailed(),
  });
  try {
    if (signal?.aborted) throw abortReason(signal);
    const startedAt = new Date().toISOString();
    const response = await client.send(command, { abortSignal: request$.signal });
    duringStream = true;
    if (!response.stream) throw new MalformedAnswerError('The answer had no event stream.');
    // Latency is measured on the monotonic clock from when the attempt that answered left.
    const t0 = sdkAttempts.at(-1)?.startMs ?? performance.now();

    let text = '';
    let ttftMs: Milliseconds | undefined;
    let stopReason: string | undefined;
    for await (const event of untilAborted(response.stream, request$.signal)) {
      watch?.event();
      const piece = event.contentBlockDelta?.delta?.text;
      if (piece !== undefined && piece.length > 0) {
        if (ttftMs === undefined) {
          ttftMs = elapsed(t0);
          onFirstToken?.(ttftMs);
        }
        text += piece;
        onDelta?.(piece);
      } else if (event.messageStop) {
        stopReason = event.messageStop.stopReason;
      } else if (event.metadata) {
        // The metadata event is the last one and carries the usage: the call is complete.
        const e2eLatencyMs = elapsed(t0);
        const usage = requireUsage(event.metadata.usage);
        const serverLatency = event.metadata.metrics?.latencyMs;
        return {
          modelId: request.modelId,
          text,
          stopReason,
          inputTokens: tokens(usage.inputTokens),
          outputTokens: tokens(usage.outputTokens),
          e2eLatencyMs,
          ttftMs,
          serverLatencyMs: serverLatency === undefined ? undefined : ms(serverLatency),
          attempts: response.$metadata.attempts ?? 1,
          sdkAttempts,
          requestId: response.$metadata.requestId,
          startedAt,
          serviceTier: event.metadata.serviceTier?.type,
        };
      }
    }
    if (request$.signal.aborted) throw abortReason(request$.signal);
    throw new StreamEndedEarlyError('The stream ended before its metadata event.');
  } catch (error) {
    // A stall aborted the request: whatever the SDK threw on that abort, the cause is the hang.
    const cause = watch?.stalled && !signal?.aborted ? watch.stalled : error;
    throw await toCallError(client, cause, request.modelId, duringStream, signal, sdkAttempts);
  } finally {
    watch?.stop();
    signal?.removeEventListener('abort', forward);
  }
}

export async function converseOnce(
  client: BedrockRuntimeClient,
  request: CompletionRequest,
  options: Pick<CallOptions, 'signal'> = {},
): Promise<CallMeasurement> {
  const { signal } = options;
  const command = new ConverseCommand(toConverseInput(request));
  const sdkAttempts = timeAttempts(command);
  try {
    if (signal?.aborted) throw abortReason(signal);
    const startedAt = new Date().toISOString();
    const response = await client.send(command, { abortSignal: signal });
    const t0 = sdkAttempts.at(-1)?.startMs ?? performance.now();
    const e2eLatencyMs = elapsed(t0);
    const usage = requireUsage(response.usage);
    const text = (response.output?.message?.content ?? []).map((c) => c.text ?? '').join('');
    const serverLatency = response.metrics?.latencyMs;
    return {
      modelId: request.modelId,
      text,
      stopReason: response.stopReason,
      inputTokens: tokens(usage.inputTokens),
      outputTokens: tokens(usage.outputTokens),
      e2eLatencyMs,
      ttftMs: undefined,
      serverLatencyMs: serverLatency === undefined ? undefined : ms(serverLatency),
      attempts: response.$metadata.attempts ?? 1,
      sdkAttempts,
      requestId: response.$metadata.requestId,
      startedAt,
      serviceTier: response.serviceTier?.type,
    };
  } catch (error) {
    throw await toCallError(client, error, request.modelId, false, signal, sdkAttempts);
  }
}
