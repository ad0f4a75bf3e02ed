/**
 * A disk that fills up during a run (simulated with PRAGMA max_page_count): the runner stops
 * dispatching and ends paused with a reason the run panel shows, instead of spinning on calls
 * it cannot store; everything committed before stays intact; once there is room again a resume
 * completes the experiment without repeating a stored call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  STUDENT,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import { getExperiment } from '../db/repos/experiments';
import { listRuns } from '../db/repos/runs';

const PARAGRAPHS = 60;
const QUICK = { latencyMs: 15, ttftMs: 3, chunks: 3, output: { text: 'x'.repeat(1_500) } };

describe('a full disk during a run', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({ models: { [TEACHER]: QUICK, [STUDENT]: QUICK } });
    fx = await makeRunnerFixture({ standIn, paragraphs: PARAGRAPHS, concurrency: 4 });
  });
  afterAll(async () => {
    await fx.cleanup();
    await standIn.close();
  });

  it('pauses with a visible reason, keeps what was stored, and resumes once there is room', async () => {
    const { db, runner, experimentId } = fx;
    runner.start(experimentId);
    await fx.until((p) => p.done >= 10);
    // From now on the file cannot grow by a single page.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const committedThen = listRuns(db, experimentId);

    const stopped = await runner.settled(experimentId);
    expect(stopped.status).toBe('paused');
    expect(stopped.statusReason).toMatch(/disk is full/i);
    expect(fx.events.at(-1)?.statusReason).toBe(stopped.statusReason);
    const kept = listRuns(db, experimentId);
    expect(kept.length).toBeLessThan(2 * PARAGRAPHS);
    for (const row of committedThen) expect(kept.find((r) => r.id === row.id)).toEqual(row);
    // Progress counts only what was stored.
    expect(stopped.done).toBe(kept.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const requestsWhenFull = standIn.requests.length;
    expect(requestsWhenFull).toBeLessThan(2 * PARAGRAPHS + 8);

    // Space freed: a resume makes exactly the calls that were not stored.
    db.pragma('max_page_count = 1073741823');
    const storedKeys = new Set(kept.map((r) => `${r.paragraphId}|${r.modelId}`));
    standIn.clearRequests();
    runner.resume(experimentId);
    const done = await runner.settled(experimentId);
    expect(done).toMatchObject({ status: 'completed', done: 2 * PARAGRAPHS, failed: 0 });
    const all = listRuns(db, experimentId);
    expect(all).toHaveLength(2 * PARAGRAPHS);
    expect(new Set(all.map((r) => `${r.paragraphId}|${r.modelId}`)).size).toBe(2 * PARAGRAPHS);
    expect(standIn.requests).toHaveLength(2 * PARAGRAPHS - storedKeys.size);
    expect(getExperiment(db, experimentId)?.status).toBe('completed');
  });
});
