import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor } from '../../../test/support/standInClient';
import { OUTPUT_STYLES } from '../../../test/support/standInText';
import { converseOnce, streamCompletion, type CompletionRequest } from './converseStream';
import { BedrockCallError, classifyError } from './errors';

const PROMPT =
  'Summarize the following text: The committee met on Tuesday to review the budget for the new ' +
  'library wing, agreed to delay the roof repairs until spring, and asked the architect for ' +
  'three cheaper designs before the next meeting in March.';

const request = (modelId: string, extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  modelId,
  system: 'You are a concise assistant.',
  userText: PROMPT,
  maxTokens: 200,
  temperature: 0.2,
  topP: 0.9,
  ...extra,
});

let standIn: BedrockStandIn;
beforeAll(async () => {
  standIn = await startBedrockStandIn({
    seed: 7,
    models: {
      teacher: { latencyMs: 120, ttftMs: 40, chunks: 6, output: 'teacher' },
      student: { latencyMs: 60, ttftMs: 25, chunks: 5, output: 'student' },
      scripted: { latencyMs: 30, ttftMs: 10, inputTokens: 321, outputTokens: 45 },
      jittery: { latencyMs: 30, latencyJitterMs: 40, ttftMs: 5 },
      slow: { latencyMs: 10_000, ttftMs: 50, chunks: 100 },
    },
  });
});
afterAll(() => standIn.close());

describe('streamCompletion', () => {
  it('collects the text, stop reason, exact token counts and the server latency', async () => {
    const pieces: string[] = [];
    const firsts: number[] = [];
    const m = await streamCompletion(clientFor(standIn), request('teacher'), {
      onDelta: (t) => pieces.push(t),
      onFirstToken: (t) => firsts.push(t),
    });
    const sent = standIn.requestsFor('teacher').at(-1)?.body;
    expect(sent?.system).toEqual([{ text: 'You are a concise assistant.' }]);
    expect(sent?.inferenceConfig).toEqual({ maxTokens: 200, temperature: 0.2, topP: 0.9 });
    expect(m.text).toBe(OUTPUT_STYLES.teacher(sent ?? {}));
    expect(pieces.join('')).toBe(m.text);
    expect(pieces).toHaveLength(6);
    expect(firsts).toEqual([m.ttftMs]);
    expect(m.stopReason).toBe('end_turn');
    // The stand-in counts a token per word of system + user text, and per word of output.
    expect(m.inputTokens).toBe(5 + PROMPT.split(/\s+/).length);
    expect(m.outputTokens).toBe(m.text.split(/\s+/).length);
    expect(m.serverLatencyMs).toBe(120);
    expect(m.e2eLatencyMs).toBeGreaterThanOrEqual(120);
    expect(m.ttftMs).toBeGreaterThanOrEqual(40);
    expect(m.ttftMs).toBeLessThan(m.e2eLatencyMs);
    expect(m.attempts).toBe(1);
  });

  it('reports scripted token counts exactly', async () => {
    const m = await streamCompletion(clientFor(standIn), request('scripted'));
    expect([m.inputTokens, m.outputTokens]).toEqual([321, 45]);
  });

  it('says max_tokens and stops at the limit when the answer is longer', async () => {
    const m = await streamCompletion(clientFor(standIn), request('teacher', { maxTokens: 5 }));
    expect(m.stopReason).toBe('max_tokens');
    expect(m.outputTokens).toBe(5);
    expect(m.text.split(' ')).toHaveLength(5);
  });

  // How close the measured latency stays to the injected one is a timing goal: `npm run bench`
  // reports it (bench/callLatencyBench.ts). Here only what must hold on any machine.
  it('never measures less than the injected latency or time to first token', async () => {
    const client = clientFor(standIn);
    await streamCompletion(client, request('student')); // warm the connection pool
    const e2e: number[] = [];
    const ttft: number[] = [];
    for (let i = 0; i < 20; i++) {
      const m = await streamCompletion(client, request('student', { userText: `${PROMPT} ${i}` }));
      expect(m.serverLatencyMs).toBe(60);
      e2e.push(m.e2eLatencyMs);
      ttft.push(m.ttftMs ?? NaN);
    }
    expect(Math.min(...e2e)).toBeGreaterThanOrEqual(60);
    expect(Math.min(...ttft)).toBeGreaterThanOrEqual(25);
    expect(e2e.every((ms, i) => ms > (ttft[i] ?? Infinity))).toBe(true);
  });

  it('reports per-call server latency when the stand-in adds jitter', async () => {
    const client = clientFor(standIn);
    for (let i = 0; i < 5; i++) {
      const m = await streamCompletion(client, request('jittery', { userText: `jitter ${i}` }));
      const seen = standIn.requestsFor('jittery').at(-1);
      expect(m.serverLatencyMs).toBe(seen?.latencyMs);
      expect(m.e2eLatencyMs).toBeGreaterThanOrEqual(seen?.latencyMs ?? Infinity);
    }
  });

  it('is cancelled when aborted during a slow call, stops reading and closes the connection', async () => {
    const controller = new AbortController();
    let received = 0;
    const call = streamCompletion(clientFor(standIn), request('slow'), {
      signal: controller.signal,
      onDelta: () => received++,
      // Abort once the stream is flowing, so cancellation has to interrupt the reading loop.
      onFirstToken: () => setTimeout(() => controller.abort(), 100),
    });
    const error = await call.catch((e: unknown) => e);
    // It gave up mid-answer (the slow model sends 100 chunks over 10 s), not at its end.
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(100);
    await vi.waitFor(() => expect(standIn.inFlight).toBe(0));
    expect(error).toBeInstanceOf(BedrockCallError);
    expect(classifyError(error).kind).toBe('cancelled');
    const afterAbort = received;
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toBe(afterAbort);
  });

  it('is cancelled when aborted before the answer starts', async () => {
    const controller = new AbortController();
    standIn.queueFaults('student', ['hang']);
    const events: string[] = [];
    setTimeout(() => {
      events.push('abort');
      controller.abort();
    }, 50);
    const error = await streamCompletion(clientFor(standIn), request('student'), {
      signal: controller.signal,
      onFirstToken: () => events.push('first token'),
    }).catch((e: unknown) => e);
    events.push('settled');
    // A hung call never answers: only the abort can have ended it.
    expect(events).toEqual(['abort', 'settled']);
    expect(classifyError(error).kind).toBe('cancelled');
  });

  it('does not call at all when the signal is already aborted', async () => {
    standIn.clearRequests();
    const error = await streamCompletion(clientFor(standIn), request('student'), {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('cancelled');
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('converseOnce', () => {
  it('returns the whole answer with tokens and server latency', async () => {
    const m = await converseOnce(clientFor(standIn), request('student'));
    const sent = standIn.requestsFor('student').at(-1)?.body;
    expect(m.text).toBe(OUTPUT_STYLES.student(sent ?? {}));
    expect(m.ttftMs).toBeUndefined();
    expect(m.serverLatencyMs).toBe(60);
    expect(m.e2eLatencyMs).toBeGreaterThanOrEqual(60);
    expect(m.outputTokens).toBe(m.text.split(/\s+/).length);
  });

  it('answers a judge with whatever text the test scripted', async () => {
    standIn.setModel('judge', { latencyMs: 5, output: { text: '{"score": 4}' } });
    standIn.queueOutputs('judge', ['{"score": 11}', 'not json at all']);
    const client = clientFor(standIn);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await converseOnce(client, request('judge'))).text);
    expect(texts).toEqual(['{"score": 11}', 'not json at all', '{"score": 4}']);
  });

  it('never measures less than the injected latency', async () => {
    const client = clientFor(standIn);
    await converseOnce(client, request('student'));
    const e2e: number[] = [];
    for (let i = 0; i < 20; i++) {
      e2e.push(
        (await converseOnce(client, request('student', { userText: `once ${i}` }))).e2eLatencyMs,
      );
    }
    expect(Math.min(...e2e)).toBeGreaterThanOrEqual(60);
  });

  it('is cancelled when aborted during a slow call, and closes the connection', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    setTimeout(() => {
      events.push('abort');
      controller.abort();
    }, 100);
    const error = await converseOnce(clientFor(standIn), request('slow'), {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    events.push('settled');
    // The slow model answers after 10 s: settling after the abort means the abort ended it.
    expect(events).toEqual(['abort', 'settled']);
    await vi.waitFor(() => expect(standIn.inFlight).toBe(0));
    expect(classifyError(error).kind).toBe('cancelled');
  });
});
