/**
 * The hang limits are settings: saved through the Settings channel, they are what the app's
 * runner cuts a hung stream at, and bad values are refused naming the field. Order of events,
 * never durations: a student whose first attempt never streams and whose second stalls
 * mid-way answers before a healthy teacher that streams for six seconds, which it could only
 * do with the limits set (derived, a model that has not answered yet gets 10 s per hang).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { insertRunnerExperiment, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTestCore } from '../../../test/support/testCore';
import type { RunProgress } from '../../shared/domain/run';
import { DEFAULT_AWS_SETTINGS, type AwsSettings } from '../../shared/domain/settings';
import { listRuns } from '../db/repos/runs';

/** The shortest limit Settings take. */
const LIMIT_MS = 1_000;

describe('hang limits set in Settings', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: {
        // Healthy and slow: an event about every 100 ms for 6 s, never silent near the limit.
        [TEACHER]: { latencyMs: 6_000, ttftMs: 100, chunks: 60 },
        [STUDENT]: { latencyMs: 50, ttftMs: 10, chunks: 2 },
      },
    });
  });
  afterAll(() => standIn.close());

  const settings = (over: Partial<AwsSettings>): AwsSettings => ({
    ...DEFAULT_AWS_SETTINGS,
    credentialMode: 'keys',
    endpointOverride: standIn.url,
    ...over,
  });

  it('are what the runner cuts a silent stream at, and a hang is retried', async () => {
    const t = await makeTestCore();
    try {
      const saved = await t.call(
        'saveAwsSettings',
        settings({ stallFirstEventMs: LIMIT_MS, stallIdleMs: LIMIT_MS }),
      );
      expect(saved).toMatchObject({
        ok: true,
        value: { settings: { stallFirstEventMs: LIMIT_MS, stallIdleMs: LIMIT_MS } },
      });
      await t.value('saveAccessKeys', {
        accessKeyId: 'AKIATHEAPPTESTKEY1',
        secretAccessKey: 'app-secret',
        sessionToken: null,
      });
      const { experimentId } = insertRunnerExperiment(t.core.ctx.db, {
        paragraphs: 1,
        concurrency: 2,
      });
      // No byte at all, then silence after the first events: one hang of each kind.
      standIn.queueFaults(STUDENT, ['hang', 'stallStream']);
      const events: RunProgress[] = [];
      const finished = new Promise<RunProgress>((resolve) =>
        t.core.onEvent((event) => {
          if (event.type !== 'runProgress') return;
          events.push(event.progress);
          if (event.progress.status === 'completed') resolve(event.progress);
        }),
      );
      await t.value('startExperiment', { id: experimentId, confirmOverBudget: true });
      const final = await finished;
      expect(final).toMatchObject({ failed: 0, done: 2, concurrency: 2 });

      const done = (p: RunProgress, model: string) =>
        p.perModel.find((m) => m.modelId === model)?.done ?? 0;
      // The student, hung twice, answered while the teacher was still streaming.
      expect(events.some((p) => done(p, STUDENT) === 1 && done(p, TEACHER) === 0)).toBe(true);
      const runs = listRuns(t.core.ctx.db, experimentId);
      const student = runs.find((r) => r.modelId === STUDENT);
      expect(student).toMatchObject({ status: 'ok', throttles: 0 });
      const log = student?.attemptLog ?? [];
      expect(log.map((a) => a.errorClass)).toEqual(['timeout', 'timeout', null]);
      // Each hung attempt was given up no sooner than the limit set.
      for (const hung of log.slice(0, 2)) {
        expect(hung.endMs - hung.startMs).toBeGreaterThanOrEqual(LIMIT_MS);
      }
      // The teacher, silent for no more than a tenth of the limit, was never cut.
      expect(runs.find((r) => r.modelId === TEACHER)).toMatchObject({ status: 'ok', attempts: 1 });
    } finally {
      await t.cleanup();
    }
  });

  it.each([
    ['stallIdleMs', { stallIdleMs: 500 }, /^stallIdleMs: The silence allowed .* from 1 s to 600 s/],
    [
      'stallFirstEventMs',
      { stallFirstEventMs: 600_001 },
      /^stallFirstEventMs: The wait for a stream’s first event .* from 1 s to 600 s/,
    ],
    ['stallIdleMs', { stallIdleMs: 1_500.5 }, /^stallIdleMs: .* whole number of milliseconds/],
    ['stallFirstEventMs', { stallFirstEventMs: -1 }, /^stallFirstEventMs: /],
  ])('are refused out of bounds, naming the field (%s)', async (_field, over, message) => {
    const t = await makeTestCore();
    try {
      const r = await t.call('saveAwsSettings', settings(over));
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(r.ok ? '' : r.error.message).toMatch(message);
      // Nothing was saved: the limits stay derived.
      expect(await t.value('getCredentialStatus', {})).toMatchObject({
        settings: { stallFirstEventMs: null, stallIdleMs: null },
      });
    } finally {
      await t.cleanup();
    }
  });
});
