/**
 * Pause, resume, cancel, the budget and going offline, each through the real SDK against the
 * stand-in. "No duplicates" is checked on both sides: one stored row per call key, and the
 * stand-in's request log shows no call requested again once its result was committed.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  paragraphText,
  STUDENT,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import type { RecordedRequest } from '../../../test/support/standInTypes';
import { getExperiment } from '../db/repos/experiments';
import { listParagraphs } from '../db/repos/paragraphs';
import { listRuns } from '../db/repos/runs';
import type { RunRecord } from '../../shared/domain/run';

const FAST = { latencyMs: 40, ttftMs: 10, chunks: 3 };
const SLOW = { latencyMs: 60_000, ttftMs: 50, chunks: 3 };

/** paragraph text → paragraph id, so a recorded request maps back to its call. */
function keyOfRequest(fx: RunnerFixture): (r: RecordedRequest) => string {
  const byText = new Map(
    listParagraphs(fx.db, fx.config.datasetId).map((p) => [p.text, p.id] as const),
  );
  return (r) => `${byText.get(r.body?.messages?.[0]?.content?.[0]?.text ?? '')}|${r.modelId}`;
}
const keyOfRun = (r: RunRecord) => `${r.paragraphId}|${r.modelId}`;

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('controlling a run', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  afterEach(async () => {
    await fx.cleanup();
    await standIn.close();
  });

  it('cancel aborts calls in flight without waiting for them; a resume makes each missing call once', async () => {
    standIn = await startBedrockStandIn({ models: { [TEACHER]: FAST, [STUDENT]: SLOW } });
    fx = await makeRunnerFixture({ standIn, paragraphs: 6, concurrency: 4 });
    fx.runner.start(fx.experimentId);
    // The slow student's calls end up holding every slot.
    await fx.until((p) => p.inFlight === 4 && p.perModel[0]?.done === p.perModel[0]?.total);
    await vi.waitFor(() => expect(standIn.inFlight).toBe(4));

    // The student answers after 60 s: a cancel that waited for its calls would store their
    // results below and outlast the test's timeout. How fast it returns is a bench figure.
    const cancelled = await fx.runner.cancel(fx.experimentId);
    expect(cancelled).toMatchObject({ status: 'cancelled', inFlight: 0, done: 6 });
    expect(getExperiment(fx.db, fx.experimentId)?.status).toBe('cancelled');
    // The stand-in saw the connections go: nothing is still being generated (and billed).
    await vi.waitFor(() => expect(standIn.inFlight).toBe(0), { timeout: 1_000 });
    const before = listRuns(fx.db, fx.experimentId);
    expect(before.every((r) => r.modelId === TEACHER)).toBe(true);
    const requestsBefore = standIn.requests.length;

    standIn.setModel(STUDENT, FAST);
    fx.runner.resume(fx.experimentId);
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 12, failed: 0 });

    const runs = listRuns(fx.db, fx.experimentId);
    expect(runs).toHaveLength(12);
    expect([...countBy(runs, keyOfRun).values()].every((n) => n === 1)).toBe(true);
    // Each student call once after the resume; no committed teacher call again.
    const after = standIn.requests.slice(requestsBefore);
    const perKey = countBy(after, keyOfRequest(fx));
    expect(after.every((r) => r.modelId === STUDENT)).toBe(true);
    expect(perKey.size).toBe(6);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(before.map((r) => r.id).every((id) => runs.some((r) => r.id === id))).toBe(true);
  });

  it('pause lets calls in flight finish and commit; resume completes without repeats', async () => {
    standIn = await startBedrockStandIn({
      models: { [TEACHER]: { ...FAST, latencyMs: 80 }, [STUDENT]: FAST },
    });
    fx = await makeRunnerFixture({ standIn, paragraphs: 8, concurrency: 3 });
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.done >= 4);
    const paused = fx.runner.pause(fx.experimentId);
    expect(paused).toMatchObject({ status: 'paused', statusReason: 'paused by user' });
    expect(getExperiment(fx.db, fx.experimentId)?.status).toBe('paused');

    const drained = await fx.runner.settled(fx.experimentId);
    expect(drained).toMatchObject({ status: 'paused', inFlight: 0 });
    // Every request made before the pause has its committed result.
    expect(listRuns(fx.db, fx.experimentId)).toHaveLength(standIn.requests.length);
    expect(drained.done).toBe(standIn.requests.length);
    expect(drained.done).toBeLessThan(16);

    fx.runner.resume(fx.experimentId);
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 16 });
    expect(standIn.requests).toHaveLength(16);
    expect(new Set(standIn.requests.map(keyOfRequest(fx))).size).toBe(16);
  });

  it('resumes a paused run whose calls are still finishing, and reports unknown ids', async () => {
    standIn = await startBedrockStandIn({ models: { [TEACHER]: FAST, [STUDENT]: FAST } });
    fx = await makeRunnerFixture({ standIn, paragraphs: 6, concurrency: 2 });
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.inFlight === 2);
    expect(fx.runner.pause(fx.experimentId).inFlight).toBe(2);
    expect(fx.runner.resume(fx.experimentId).status).toBe('running');
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 12 });
    expect(standIn.requests).toHaveLength(12);

    expect(() => fx.runner.start('no-such-experiment')).toThrow(/does not exist/);
    await expect(fx.runner.cancel(fx.experimentId)).rejects.toThrow(/not running/);
    expect(() => fx.runner.pause(fx.experimentId)).toThrow(/not running/);
  });

  it('pauses itself when the budget is spent, and stays paused on resume', async () => {
    standIn = await startBedrockStandIn({
      models: {
        [TEACHER]: { ...FAST, inputTokens: 1000, outputTokens: 1000 },
        [STUDENT]: { ...FAST, inputTokens: 1000, outputTokens: 1000 },
      },
    });
    // Teacher $0.00615 and student $0.0009 a call, alternating: after T S T S T the run has
    // spent $0.02025, so the fifth call crosses $0.02.
    fx = await makeRunnerFixture({ standIn, paragraphs: 10, concurrency: 1, budgetUsd: 0.02 });
    fx.runner.start(fx.experimentId);
    const paused = await fx.runner.settled(fx.experimentId);
    expect(paused.status).toBe('paused');
    expect(paused.statusReason).toMatch(/^budget reached/);
    const runs = listRuns(fx.db, fx.experimentId).sort((a, b) =>
      a.finishedAt.localeCompare(b.finishedAt),
    );
    const spent = runs.reduce((s, r) => s + (r.costUsd ?? 0), 0);
    const last = runs.at(-1)?.costUsd ?? 0;
    expect(spent).toBeGreaterThanOrEqual(0.02);
    expect(spent - last).toBeLessThan(0.02);
    expect(runs).toHaveLength(5);
    expect(paused.spentUsd).toBeCloseTo(spent, 12);

    standIn.clearRequests();
    const again = fx.runner.resume(fx.experimentId);
    expect(again.status).toBe('paused');
    expect(again.statusReason).toMatch(/^budget reached/);
    expect(standIn.requests).toHaveLength(0);
  });

  it('completes when the budget is crossed by the very last call', async () => {
    const tokens = { inputTokens: 1000, outputTokens: 1000 };
    standIn = await startBedrockStandIn({
      models: { [TEACHER]: { ...FAST, ...tokens }, [STUDENT]: { ...FAST, ...tokens } },
    });
    // $0.00615 then $0.0009: the second and last call takes the run to $0.00705.
    fx = await makeRunnerFixture({ standIn, paragraphs: 1, concurrency: 1, budgetUsd: 0.007 });
    fx.runner.start(fx.experimentId);
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', statusReason: null, done: 2 });
    expect(done.spentUsd).toBeGreaterThan(0.007);
  });

  it('goes offline when the endpoint disappears and finishes by itself when it is back', async () => {
    standIn = await startBedrockStandIn({
      port: await freePort(),
      models: { [TEACHER]: FAST, [STUDENT]: FAST },
    });
    fx = await makeRunnerFixture({ standIn, paragraphs: 15, concurrency: 2 });
    const key = keyOfRequest(fx);
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.done >= 6);
    await standIn.setOffline(true);
    const offline = await fx.until((p) => p.status === 'paused');
    expect(offline.statusReason).toMatch(/^offline: /);
    expect(offline.offline).toBe(true);
    expect(getExperiment(fx.db, fx.experimentId)).toMatchObject({
      status: 'paused',
      statusReason: offline.statusReason,
    });
    const committedWhileOnline = listRuns(fx.db, fx.experimentId).map(keyOfRun);
    const requestsBefore = standIn.requests.length;

    await standIn.setOffline(false);
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 30, failed: 0 });
    expect(done.offline).toBeUndefined();
    const runs = listRuns(fx.db, fx.experimentId);
    // (A call sent on a pooled socket as the endpoint vanished or came back may carry an SDK
    // retry in its attempts; none ends as an error.)
    expect(runs.filter((r) => r.status !== 'ok')).toEqual([]);
    const after = standIn.requests.slice(requestsBefore).map(key);
    expect(after.filter((k) => committedWhileOnline.includes(k))).toEqual([]);
    expect(new Set(after).size).toBe(after.length);
  });

  it('starts offline against a closed port and runs once a stand-in listens there', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    standIn = await startBedrockStandIn({ models: { [TEACHER]: FAST, [STUDENT]: FAST } });
    await standIn.close();
    fx = await makeRunnerFixture({ standIn, paragraphs: 3, client: { endpoint: url } });
    fx.runner.start(fx.experimentId);
    const offline = await fx.until((p) => p.status === 'paused');
    expect(offline.statusReason).toMatch(/^offline: .*ECONNREFUSED/);
    expect(listRuns(fx.db, fx.experimentId)).toHaveLength(0);

    standIn = await startBedrockStandIn({ port, models: { [TEACHER]: FAST, [STUDENT]: FAST } });
    const done = await fx.runner.settled(fx.experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 6, failed: 0 });
    expect(standIn.requests).toHaveLength(6);
    expect(
      new Set(standIn.requests.map((r) => r.body?.messages?.[0]?.content?.[0]?.text)).size,
    ).toBe(3);
    expect(paragraphText(0)).toBeTruthy();
  });

  it('cancel while offline stops probing and ends the session', async () => {
    const port = await freePort();
    standIn = await startBedrockStandIn({ models: { [TEACHER]: FAST } });
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 2,
      client: { endpoint: `http://127.0.0.1:${port}` },
    });
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.status === 'paused');
    const cancelled = await fx.runner.cancel(fx.experimentId);
    expect(cancelled).toMatchObject({ status: 'cancelled', inFlight: 0, done: 0 });
    expect(cancelled.offline).toBeUndefined();
    expect(fx.runner.progress(fx.experimentId)).toBeNull();
  });
});
