/**
 * The fault matrix, all at once in one run of 500 calls against the stand-in: 30 % throttling,
 * 5 % 500/503, 2 % hung connections, 2 % malformed bodies, 2 % streams cut mid-way, 2 % frames
 * with a bad checksum, 1 % streams silent after their headers (seeded, so the same run every
 * time). Every call ends as exactly one stored row, a result or a classified
 * error; none is lost or doubled; no call is requested again after it was answered cleanly; and
 * the figures of every successful call are the ones the stand-in served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  PRICES,
  STUDENT,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import type {
  ConverseBody,
  FaultPlan,
  ModelScript,
  RecordedRequest,
} from '../../../test/support/standInTypes';
import { costPerRequestUsd } from '../../shared/roi/perRequest';
import { tokens, usdPer1k } from '../../shared/units';
import { listParagraphs } from '../db/repos/paragraphs';
import { listRuns } from '../db/repos/runs';

const PARAGRAPHS = 250; // × 2 models = 500 calls
const PLAN: FaultPlan = {
  throttle: 0.3,
  serverError: 0.025,
  unavailable: 0.025,
  hang: 0.02,
  malformed: 0.02,
  cutStream: 0.02,
  badChecksum: 0.02,
  stallAfterHeaders: 0.01,
};
const LATENCY = { [TEACHER]: 8, [STUDENT]: 5 } as const;
const CLASSIFIED = new Set([
  'throttled',
  'server',
  'timeout',
  'malformed',
  'stream_cut',
  'network',
]);

const promptOf = (body: ConverseBody | undefined) => body?.messages?.[0]?.content?.[0]?.text ?? '';
/** Deterministic figures per prompt, so the test knows what each call must have stored. */
const expectedText = (modelId: string, prompt: string) =>
  `${modelId === TEACHER ? 'Teacher' : 'Student'} summary of <${prompt.slice(0, 24)}>`;
const expectedInput = (prompt: string) => 17 + (prompt.length % 23);
const expectedOutput = (text: string) => 5 + (text.length % 11);

const script = (modelId: keyof typeof LATENCY): ModelScript => ({
  latencyMs: LATENCY[modelId],
  ttftMs: 4,
  chunks: 4,
  output: (body) => expectedText(modelId, promptOf(body)),
  inputTokens: (body) => expectedInput(promptOf(body)),
  outputTokens: (text) => expectedOutput(text),
});

describe('the fault matrix in one run', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      seed: 20_260_501,
      faultPlan: PLAN,
      models: { [TEACHER]: script(TEACHER), [STUDENT]: script(STUDENT) },
    });
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: PARAGRAPHS,
      concurrency: 16,
      // Short timeouts so a hung connection costs a second, not a minute. The SDK does not retry
      // (its throttling back-off starts at half a second); the runner re-queues up to six times
      // with a fast back-off, so a call fails for good only after seven faults in a row.
      client: { maxAttempts: 1, requestTimeoutMs: 1_000, idleTimeoutMs: 1_000, maxConnections: 32 },
      tuning: { maxRequeues: 6, requeueBaseMs: 5, requeueCapMs: 40 },
      probeOnline: async () => true,
    });
  });
  afterAll(async () => {
    await fx.cleanup();
    await standIn.close();
  });

  it(
    'ends every call once, as a result or a classified error, with the right figures',
    { timeout: 120_000 },
    async () => {
      fx.runner.start(fx.experimentId);
      const final = await fx.runner.settled(fx.experimentId);
      const runs = listRuns(fx.db, fx.experimentId);
      const paragraphs = new Map(
        listParagraphs(fx.db, fx.config.datasetId).map((p) => [p.id, p.text]),
      );

      // None lost, none doubled.
      expect(final).toMatchObject({ status: 'completed', done: 500, total: 500 });
      expect(runs).toHaveLength(2 * PARAGRAPHS);
      const keyOf = (modelId: string, prompt: string) => `${modelId}|${prompt}`;
      const rowKeys = runs.map((r) => keyOf(r.modelId, paragraphs.get(r.paragraphId) ?? '?'));
      expect(new Set(rowKeys).size).toBe(2 * PARAGRAPHS);

      const byCall = new Map<string, RecordedRequest[]>();
      for (const r of standIn.requests) {
        const key = keyOf(r.modelId, promptOf(r.body));
        byCall.set(key, [...(byCall.get(key) ?? []), r]);
      }
      const injected = standIn.requests.filter((r) => r.fault !== undefined);
      const byFault = new Map<string, number>();
      for (const r of injected)
        byFault.set(String(r.fault), (byFault.get(String(r.fault)) ?? 0) + 1);
      // Every fault of the matrix was really injected, several times.
      for (const kind of Object.keys(PLAN)) expect(byFault.get(kind) ?? 0, kind).toBeGreaterThan(3);

      runs.forEach((row, i) => {
        const key = rowKeys[i] ?? '';
        const requests = byCall.get(key) ?? [];
        const clean = requests.filter((r) => r.fault === undefined);
        // Every request the call made is counted in its row, and nothing was asked twice of a
        // call that had its answer: a clean answer is always the last request of its call.
        expect(row.attempts, key).toBe(requests.length);
        // Each of those requests is in the row's attempt log, in order, none of them unknown.
        expect(row.attemptLog, key).toHaveLength(requests.length);
        const log = row.attemptLog ?? [];
        log.forEach((a, n) => {
          expect(a.status === 'ok', key).toBe(requests[n]?.fault === undefined);
          expect(a.errorClass === null || CLASSIFIED.has(a.errorClass), key).toBe(true);
          if (n > 0) expect(a.startMs, key).toBeGreaterThanOrEqual(log[n - 1]?.endMs ?? Infinity);
        });
        expect(row.throttles, key).toBe(requests.filter((r) => r.fault === 'throttle').length);
        if (row.status === 'error') {
          expect(CLASSIFIED.has(row.errorClass ?? ''), `${key}: ${row.errorClass}`).toBe(true);
          expect(clean).toHaveLength(0);
          expect(row.costUsd).toBeNull();
          return;
        }
        expect(clean, key).toHaveLength(1);
        expect(requests.at(-1)).toBe(clean[0]);
        const prompt = paragraphs.get(row.paragraphId) ?? '';
        const text = expectedText(row.modelId, prompt);
        const price = PRICES[row.modelId as keyof typeof PRICES];
        const inputTokens = expectedInput(prompt);
        const outputTokens = expectedOutput(text);
        expect(row).toMatchObject({
          outputText: text,
          inputTokens,
          outputTokens,
          errorClass: null,
        });
        expect(row.costUsd).toBeCloseTo(
          costPerRequestUsd(
            tokens(inputTokens),
            tokens(outputTokens),
            usdPer1k(price.inputUsdPer1k),
            usdPer1k(price.outputUsdPer1k),
          ),
          12,
        );
        // Latency: the server's figure is the one injected; the measured one cannot be less.
        expect(row.serverMs).toBe(clean[0]?.latencyMs);
        expect(row.e2eMs ?? 0).toBeGreaterThanOrEqual(LATENCY[row.modelId as keyof typeof LATENCY]);
        expect(row.ttftMs ?? 0).toBeGreaterThanOrEqual(4);
      });
      const ok = runs.filter((r) => r.status === 'ok').length;
      expect(ok).toBeGreaterThan(490);
      console.log(
        `fault matrix: ${standIn.requests.length} requests, ${injected.length} faults injected ` +
          `(${[...byFault].map(([k, n]) => `${k} ${n}`).join(', ')}), ${ok} results, ${500 - ok} classified errors`,
      );
    },
  );
});
