/**
 * What one run records, through the real SDK against the stand-in and a real SQLite file:
 * exact tokens and cost, Bedrock's latency as reported, the client's own timings, and progress.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  paragraphText,
  PRICES,
  STUDENT,
  STUDENT2,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import { getExperiment } from '../db/repos/experiments';
import { listRuns } from '../db/repos/runs';
import { costPerRequestUsd } from '../../shared/roi/perRequest';
import { tokens, usdPer1k } from '../../shared/units';
import { ROUGE_TYPES } from '../../shared/metrics';

const SCRIPTS = {
  [TEACHER]: { latencyMs: 80, ttftMs: 30, chunks: 4, inputTokens: 1234, outputTokens: 321 },
  [STUDENT]: { latencyMs: 40, ttftMs: 10, chunks: 3, inputTokens: 1234, outputTokens: 97 },
  [STUDENT2]: { latencyMs: 30, ttftMs: 10, chunks: 2, inputTokens: 1200, outputTokens: 50 },
};

describe('a run records every call with its measurements', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({ models: SCRIPTS });
  });
  afterAll(() => standIn.close());
  afterEach(() => fx.cleanup());

  it('makes paragraphs × models × repeats calls and stores exact tokens, cost and latencies', async () => {
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 5,
      students: [STUDENT, STUDENT2],
      repeats: 2,
      concurrency: 4,
    });
    standIn.clearRequests();
    const first = fx.runner.start(fx.experimentId);
    expect(first).toMatchObject({ status: 'running', total: 30, done: 0 });
    const final = await fx.runner.settled(fx.experimentId);

    expect(final).toMatchObject({ status: 'completed', statusReason: null, done: 30, failed: 0 });
    expect(getExperiment(fx.db, fx.experimentId)?.status).toBe('completed');
    const runs = listRuns(fx.db, fx.experimentId);
    expect(runs).toHaveLength(30);
    expect(standIn.requests).toHaveLength(30);
    // Scored as they landed (each student output against the teacher's), before any read.
    const rouge = fx.db
      .prepare("SELECT COUNT(*) AS n FROM scores WHERE source = 'rouge' AND experiment_id = ?")
      .get(fx.experimentId) as { n: number };
    expect(rouge.n).toBe(20 * ROUGE_TYPES.length);

    for (const run of runs) {
      const script = SCRIPTS[run.modelId as keyof typeof SCRIPTS];
      const price = PRICES[run.modelId as keyof typeof PRICES];
      expect(run.status).toBe('ok');
      expect(run.role).toBe(run.modelId === TEACHER ? 'teacher' : 'student');
      expect(run.inputTokens).toBe(script.inputTokens);
      expect(run.outputTokens).toBe(script.outputTokens);
      expect(run.costUsd).toBe(
        costPerRequestUsd(
          tokens(script.inputTokens),
          tokens(script.outputTokens),
          usdPer1k(price.inputUsdPer1k),
          usdPer1k(price.outputUsdPer1k),
        ),
      );
      // Bedrock's latency is stored as reported; the client's own clock can only see more.
      expect(run.serverMs).toBe(script.latencyMs);
      expect(run.e2eMs).toBeGreaterThanOrEqual(script.latencyMs);
      expect(run.ttftMs).toBeGreaterThanOrEqual(script.ttftMs);
      expect(run.ttftMs).toBeLessThan(run.e2eMs ?? 0);
      expect(run.outputTokensPerS).toBeCloseTo(
        script.outputTokens / (((run.e2eMs ?? 0) - (run.ttftMs ?? 0)) / 1000),
        6,
      );
      expect(run.stopReason).toBe('end_turn');
      expect(run.attempts).toBe(1);
      expect(run.outputText?.length).toBeGreaterThan(0);
    }
    // The teacher's cost by hand: (1234 · 0.00265 + 321 · 0.0035) / 1000.
    const teacherRun = runs.find((r) => r.modelId === TEACHER);
    expect(teacherRun?.costUsd).toBeCloseTo(0.0043936, 12);

    const teacherCost = runs
      .filter((r) => r.modelId === TEACHER)
      .reduce((s, r) => s + (r.costUsd ?? 0), 0);
    expect(final.perModel.find((m) => m.modelId === TEACHER)).toMatchObject({
      done: 10,
      total: 10,
      failed: 0,
      inputTokens: 12_340,
      outputTokens: 3_210,
    });
    expect(final.perModel[0]?.costUsd).toBeCloseTo(teacherCost, 12);
    expect(final.spentUsd).toBeCloseTo(
      runs.reduce((s, r) => s + (r.costUsd ?? 0), 0),
      12,
    );
  });

  it('sends the rendered prompt and the inference settings, once per call key', async () => {
    fx = await makeRunnerFixture({ standIn, paragraphs: 3, repeats: 1 });
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    await fx.runner.settled(fx.experimentId);
    const sent = standIn.requests.map(
      (r) => `${r.modelId}|${r.body?.messages?.[0]?.content?.[0]?.text ?? ''}`,
    );
    const expected = [TEACHER, STUDENT].flatMap((m) =>
      [0, 1, 2].map((i) => `${m}|${paragraphText(i)}`),
    );
    expect([...sent].sort()).toEqual([...expected].sort());
    expect(standIn.requests.every((r) => r.operation === 'converse-stream')).toBe(true);
    expect(standIn.requests[0]?.body?.inferenceConfig).toEqual({
      maxTokens: 200,
      temperature: 0,
      topP: 1,
    });
  });

  it('pushes progress at most every interval, and on every status change', async () => {
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 10,
      concurrency: 2,
      tuning: { progressIntervalMs: 100 },
    });
    fx.runner.start(fx.experimentId);
    await fx.runner.settled(fx.experimentId);
    const statuses = fx.events.map((e) => e.status);
    expect(statuses[0]).toBe('running');
    expect(statuses.at(-1)).toBe('completed');
    // done never goes backwards, and the last event is the whole run.
    for (let i = 1; i < fx.events.length; i++) {
      expect(fx.events[i]?.done).toBeGreaterThanOrEqual(fx.events[i - 1]?.done ?? 0);
    }
    expect(fx.events.at(-1)).toMatchObject({ done: 20, total: 20, inFlight: 0, etaMs: 0 });
    // Two events of the same status are at least the interval apart (less a few ms: timers
    // have millisecond granularity, and the test stamps an event after it was built). 20 calls
    // at concurrency 2 take ~600 ms, so there are far fewer events than calls.
    for (let i = 1; i < fx.events.length; i++) {
      if (fx.events[i]?.status !== fx.events[i - 1]?.status) continue;
      expect((fx.eventTimes[i] ?? 0) - (fx.eventTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(97);
    }
    expect(fx.events.length).toBeLessThan(20);
  });

  it('completes at once when every call already has a result', async () => {
    fx = await makeRunnerFixture({ standIn, paragraphs: 2 });
    fx.runner.start(fx.experimentId);
    await fx.runner.settled(fx.experimentId);
    standIn.clearRequests();
    const again = fx.runner.start(fx.experimentId);
    expect(again).toMatchObject({ status: 'completed', done: 4, total: 4 });
    expect(fx.runner.progress(fx.experimentId)).toBeNull();
    expect(standIn.requests).toHaveLength(0);
  });
});
