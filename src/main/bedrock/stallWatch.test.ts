/**
 * Hang detection and attempt timing through the real SDK and the stand-in: a stream that never
 * starts, or stops, is given up by the watch (the socket timeouts here are far longer than any
 * test may last, so only the watch can end these calls); the SDK's own retries are timed one by
 * one so that their back-off stays out of the latency.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor } from '../../../test/support/standInClient';
import type { FaultKind } from '../../../test/support/standInTypes';
import { streamCompletion, StreamStalledError, type CompletionRequest } from './converseStream';
import { BedrockCallError } from './errors';

const LATENCY = 120;
const request = (modelId: string): CompletionRequest => ({
  modelId,
  userText: 'Summarize: hang detection',
  maxTokens: 100,
  temperature: 0,
  topP: 1,
});
/** Socket timeouts no test outlives: a call that ends did so because the watch ended it. */
const PATIENT = { requestTimeoutMs: 600_000, idleTimeoutMs: 600_000 };
const STALL = { firstEventMs: 300, idleMs: 300 };

describe('hang detection from the stream', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      fallbackModel: { latencyMs: LATENCY, ttftMs: 20, chunks: 6 },
    });
  });
  afterAll(() => standIn.close());

  it.concurrent.each([
    { fault: 'hang' as FaultKind, said: /^Nothing streamed/ },
    { fault: 'stallAfterHeaders' as FaultKind, said: /^Nothing streamed/ },
    { fault: 'stallStream' as FaultKind, said: /^No event/ },
  ])('$fault: given up as a hang (timeout, retryable), once', async ({ fault, said }) => {
    const modelId = `stall.${fault}`;
    standIn.queueFaults(modelId, [fault]);
    const error = await streamCompletion(clientFor(standIn, PATIENT), request(modelId), {
      stall: STALL,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BedrockCallError);
    const e = error as BedrockCallError;
    expect(e.cause).toBeInstanceOf(StreamStalledError);
    expect(e.classification).toMatchObject({ kind: 'timeout', retryable: true });
    expect(e.classification.detail).toMatch(said);
    // The watch aborted the request: the SDK does not retry an abort, the runner decides.
    expect(standIn.requestsFor(modelId)).toHaveLength(1);
    expect(e.sdkAttempts).toHaveLength(1);
  });

  it.concurrent('a cancel during a hang is a cancel, not a hang', async () => {
    standIn.queueFaults('stall.cancel', ['hang']);
    const cancel = new AbortController();
    const call = streamCompletion(clientFor(standIn, PATIENT), request('stall.cancel'), {
      signal: cancel.signal,
      stall: { firstEventMs: 600_000, idleMs: 600_000 },
    });
    cancel.abort();
    const error = (await call.catch((e: unknown) => e)) as BedrockCallError;
    expect(error.classification.kind).toBe('cancelled');
  });

  it.concurrent('a stream that keeps its pace is never cut, however long it runs', async () => {
    // Eight deltas 100 ms apart: the whole answer takes longer than either limit allows
    // for a silence, but no silence is longer than them.
    const modelId = 'stall.slow-but-steady';
    standIn.setModel(modelId, { latencyMs: 900, ttftMs: 100, chunks: 8 });
    const m = await streamCompletion(clientFor(standIn, PATIENT), request(modelId), {
      stall: STALL,
    });
    expect(m.serverLatencyMs).toBe(900);
  });
});

describe('the SDK attempts inside one call', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      fallbackModel: { latencyMs: LATENCY, ttftMs: 30, chunks: 6 },
    });
  });
  afterAll(() => standIn.close());

  it.concurrent.each(['throttle', 'serverError'] as FaultKind[])(
    'after a %s the SDK retried: latency and TTFT are the answering attempt’s',
    async (fault) => {
      const modelId = `timed.${fault}`;
      standIn.queueFaults(modelId, [fault]);
      const m = await streamCompletion(clientFor(standIn, { maxAttempts: 2 }), request(modelId), {
        stall: STALL,
      });
      const returnedAt = performance.now();
      expect(m.attempts).toBe(2);
      expect(m.sdkAttempts).toHaveLength(2);
      const [failed, answered] = m.sdkAttempts;
      expect(failed?.httpStatus).toBe(fault === 'throttle' ? 429 : 500);
      expect(failed?.error).toBeDefined();
      expect(answered).toMatchObject({ httpStatus: 200, error: undefined });
      // The second attempt left only after the first ended (the SDK's back-off lies between).
      expect(answered?.startMs).toBeGreaterThanOrEqual(failed?.endMs ?? Infinity);
      // Measured from the answering attempt's start: the failed attempt and the back-off before
      // it are not in it (from the first attempt, it would exceed this bound by both).
      expect(m.e2eLatencyMs).toBeLessThanOrEqual(returnedAt - (answered?.startMs ?? 0));
      expect(m.e2eLatencyMs).toBeGreaterThanOrEqual(LATENCY);
      expect(m.ttftMs).toBeGreaterThanOrEqual(30);
      expect(m.ttftMs).toBeLessThan(m.e2eLatencyMs);
    },
  );
});
