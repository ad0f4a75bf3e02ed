/**
 * An experiment with tagged application inference profiles (experiment_profiles) is called
 * through them: the request names the profile's ARN, while the stored call stays the
 * experiment's model, priced as it. Real SDK against the runtime stand-in, real SQLite.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  STUDENT,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import { recordProfile } from '../../../test/support/experimentProfileFixture';
import { listRuns } from '../db/repos/runs';
import { buildSummary } from '../cli/cliSummary';

const SCRIPTS = {
  [TEACHER]: { latencyMs: 20, ttftMs: 5, chunks: 2, inputTokens: 1234, outputTokens: 321 },
  [STUDENT]: { latencyMs: 10, ttftMs: 5, chunks: 2, inputTokens: 1234, outputTokens: 97 },
};
const arnOf = (n: number) =>
  `arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/prof${n}`;

const addProfile = (fx: RunnerFixture, modelId: string, arn: string, region?: string) =>
  recordProfile(fx.db, fx.experimentId, modelId, arn, region);

/** What is stored about each call that prices, names and summaries read, in a fixed order. */
const figures = (fx: RunnerFixture) =>
  listRuns(fx.db, fx.experimentId)
    .map((r) => [
      r.modelId,
      r.role,
      r.repeatIndex,
      r.status,
      r.inputTokens,
      r.outputTokens,
      r.costUsd,
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('calls through an experiment’s tagged profiles', () => {
  let standIn: BedrockStandIn;
  const fixtures: RunnerFixture[] = [];
  beforeAll(async () => {
    standIn = await startBedrockStandIn({ models: SCRIPTS });
    standIn.serveProfile(arnOf(1), TEACHER);
    standIn.serveProfile(arnOf(2), STUDENT);
  });
  afterAll(() => standIn.close());
  afterEach(async () => {
    for (const fx of fixtures.splice(0)) await fx.cleanup();
  });

  it('sends each model to its profile ARN and stores the call under the model at the same cost', async () => {
    const plain = await makeRunnerFixture({ standIn, paragraphs: 3, repeats: 2 });
    fixtures.push(plain);
    standIn.clearRequests();
    plain.runner.start(plain.experimentId);
    const plainFinal = await plain.runner.settled(plain.experimentId);
    expect(standIn.requests.map((r) => r.modelId).sort()).toEqual(
      [...Array(6).fill(STUDENT), ...Array(6).fill(TEACHER)].sort(),
    );

    const tagged = await makeRunnerFixture({ standIn, paragraphs: 3, repeats: 2 });
    fixtures.push(tagged);
    addProfile(tagged, TEACHER, arnOf(1));
    addProfile(tagged, STUDENT, arnOf(2));
    standIn.clearRequests();
    tagged.runner.start(tagged.experimentId);
    const final = await tagged.runner.settled(tagged.experimentId);

    expect(final).toMatchObject({ status: 'completed', done: 12, failed: 0 });
    expect(standIn.requestsFor(arnOf(1))).toHaveLength(6);
    expect(standIn.requestsFor(arnOf(2))).toHaveLength(6);
    expect(standIn.requestsFor(TEACHER)).toHaveLength(0);
    expect(standIn.requests.every((r) => r.servedModelId !== undefined)).toBe(true);

    const runs = listRuns(tagged.db, tagged.experimentId);
    expect(runs).toHaveLength(12);
    for (const run of runs) {
      expect(run.profileArn).toBe(run.modelId === TEACHER ? arnOf(1) : arnOf(2));
    }
    expect(listRuns(plain.db, plain.experimentId).every((r) => r.profileArn === undefined)).toBe(
      true,
    );
    // The same model ids, roles, tokens and costs as the calls made without a profile.
    expect(figures(tagged)).toEqual(figures(plain));
    expect(runs.every((r) => (r.costUsd ?? 0) > 0)).toBe(true);
    // The CLI's summary says so; a run without profiles says nothing about them.
    expect(buildSummary(tagged.db, final).profileCalls).toEqual({ stored: 12, throughProfile: 12 });
    expect(buildSummary(plain.db, plainFinal).profileCalls).toBeUndefined();
  });

  it('uses a profile created mid-run for the calls not yet made, and none from another region', async () => {
    const fx = await makeRunnerFixture({ standIn, paragraphs: 4, concurrency: 1 });
    fixtures.push(fx);
    // A profile made for another region is not this experiment's: its calls name the model.
    addProfile(fx, STUDENT, arnOf(2), 'eu-west-1');
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.done >= 2);
    fx.runner.pause(fx.experimentId);
    await fx.until((p) => p.status === 'paused' && p.inFlight === 0);
    const before = listRuns(fx.db, fx.experimentId).length;
    addProfile(fx, TEACHER, arnOf(1));
    fx.runner.resume(fx.experimentId);
    await fx.runner.settled(fx.experimentId);

    const runs = listRuns(fx.db, fx.experimentId);
    expect(runs).toHaveLength(8);
    const teacherRuns = runs.filter((r) => r.modelId === TEACHER);
    const throughProfile = teacherRuns.filter((r) => r.profileArn === arnOf(1));
    // Every teacher call stored after the profile existed went through it; none before.
    expect(throughProfile.length).toBe(standIn.requestsFor(arnOf(1)).length);
    expect(throughProfile.length).toBe(teacherRuns.length - standIn.requestsFor(TEACHER).length);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(standIn.requestsFor(arnOf(1)).length).toBeGreaterThan(0);
    expect(runs.filter((r) => r.modelId === STUDENT).every((r) => r.profileArn === undefined)).toBe(
      true,
    );
    expect(standIn.requestsFor(arnOf(2))).toHaveLength(0);
  });

  it('names the profile when Bedrock refuses a call sent through it (a deleted profile)', async () => {
    const fx = await makeRunnerFixture({ standIn, paragraphs: 2 });
    fixtures.push(fx);
    const gone = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/gone1';
    addProfile(fx, TEACHER, gone);
    fx.runner.start(fx.experimentId);
    const final = await fx.runner.settled(fx.experimentId);

    // The model is stopped at its first refusal; the reason names the profile.
    expect(final).toMatchObject({ status: 'paused', failed: 1 });
    expect(final.perModel.find((m) => m.modelId === TEACHER)?.blocked).toContain(gone);
    const failed = listRuns(fx.db, fx.experimentId).filter((r) => r.status === 'error');
    expect(failed).toHaveLength(1);
    for (const r of failed) {
      expect(r.modelId).toBe(TEACHER);
      expect(r.profileArn).toBe(gone);
      expect(r.errorMessage).toContain(
        `called through the experiment's tagged inference profile ${gone}: it must exist in us-east-1`,
      );
    }
    // The student has no profile: its calls named the model and succeeded.
    const student = listRuns(fx.db, fx.experimentId).filter((r) => r.modelId === STUDENT);
    expect(student.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});
