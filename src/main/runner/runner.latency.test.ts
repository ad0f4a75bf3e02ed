/**
 * Latency that measures the model: a call's stored latency, TTFT and server latency are those
 * of the attempt that answered, whoever retried (the SDK inside one try, or the runner across
 * tries); every attempt is stored with the wait before it, and the time lost apart. Hangs are
 * detected from the stream and retried without lowering the limit; after throttling stops, the
 * limit climbs back to what the experiment asked for.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import {
  makeRunnerFixture,
  STUDENT,
  TEACHER,
  type FixtureOptions,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import type { ModelScript } from '../../../test/support/standInTypes';
import { listRunSamples, listRuns } from '../db/repos/runs';
import { summarizeModelRuns } from '../../shared/metrics/runSummary';

const LATENCY = 150;
// Few frames and few calls at once: the stand-in shares this process, and on a busy machine
// every extra event is a chance for the event loop to be late (the figures under test are
// latencies, measured by this same loop).
const SCRIPT: ModelScript = { latencyMs: LATENCY, ttftMs: 40, chunks: 2 };
/** Socket timeouts no test outlives: only the runner's hang detection can end a hung call. */
const PATIENT = { requestTimeoutMs: 600_000, idleTimeoutMs: 600_000 };

describe('latency, attempts and hangs through the runner', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture | undefined;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      seed: 11,
      models: { [TEACHER]: SCRIPT, [STUDENT]: SCRIPT },
    });
  });
  afterAll(() => standIn.close());
  afterEach(async () => {
    standIn.clearQueues();
    standIn.setFaultPlan(undefined);
    await fx?.cleanup();
    fx = undefined;
  });

  const run = async (o: Omit<FixtureOptions, 'standIn'>) => {
    fx = await makeRunnerFixture({ standIn, probeOnline: async () => true, ...o });
    fx.runner.start(fx.experimentId);
    const final = await fx.runner.settled(fx.experimentId);
    return { final, runs: listRuns(fx.db, fx.experimentId), fx };
  };

  /**
   * The stored latency is the answering attempt's: at least the injected latency, and no longer
   * than that attempt in the log (0.1 ms: the log's rounding). Measured from the first attempt
   * instead, it would exceed the bound by everything before the answer (`lostMs`).
   */
  const expectAnsweringAttemptLatency = (r: ReturnType<typeof listRuns>[number] | undefined) => {
    const answered = r?.attemptLog?.at(-1);
    expect(answered?.status).toBe('ok');
    expect(r?.e2eMs).toBeGreaterThanOrEqual(LATENCY);
    expect(r?.e2eMs).toBeLessThanOrEqual((answered?.endMs ?? 0) - (answered?.startMs ?? 0) + 0.1);
  };

  it.each([
    { who: 'the SDK', sdkAttempts: 2 },
    { who: 'the runner', sdkAttempts: 1 },
  ])(
    'a throttled-then-successful call ($who retried) stores the answering attempt’s latency and the wait apart',
    async ({ sdkAttempts }) => {
      standIn.queueFaults(TEACHER, ['throttle']);
      const { runs } = await run({
        paragraphs: 1,
        client: { maxAttempts: sdkAttempts },
        tuning: { random: () => 1, requeueBaseMs: 30 },
      });
      const teacher = runs.find((r) => r.modelId === TEACHER);
      expect(teacher).toMatchObject({ status: 'ok', attempts: 2, throttles: 1, serverMs: LATENCY });
      const [throttled, answered] = teacher?.attemptLog ?? [];
      expectAnsweringAttemptLatency(teacher);
      expect(teacher?.attemptLog).toHaveLength(2);
      expect(throttled).toMatchObject({
        status: 'error',
        errorClass: 'throttled',
        httpStatus: 429,
      });
      expect(throttled?.startMs).toBe(0);
      expect(answered).toMatchObject({ status: 'ok', errorClass: null, httpStatus: 200 });
      // The wait before the retry is stored, and the time lost is everything before the answer.
      expect(answered?.waitMs).toBeGreaterThan(0);
      expect(answered?.startMs).toBeCloseTo((throttled?.endMs ?? 0) + (answered?.waitMs ?? 0), 0);
      expect(teacher?.lostMs).toBe(answered?.startMs);
      // The student, never throttled: one attempt, nothing lost.
      const student = runs.find((r) => r.modelId === STUDENT);
      expect(student).toMatchObject({ attempts: 1, throttles: 0, lostMs: 0 });
      expect(student?.attemptLog).toEqual([
        expect.objectContaining({ status: 'ok', startMs: 0, waitMs: 0 }),
      ]);
    },
  );

  it(
    'under 30 % throttling every stored latency is its answering attempt’s',
    { timeout: 60_000 },
    async () => {
      standIn.setFaultPlan({ throttle: 0.3 });
      const { final, runs } = await run({
        paragraphs: 20,
        concurrency: 4,
        client: { maxAttempts: 2 },
        tuning: { maxRequeues: 8 },
      });
      expect(final).toMatchObject({ status: 'completed', failed: 0 });
      const retried = runs.filter((r) => (r.throttles ?? 0) > 0);
      expect(retried.length).toBeGreaterThan(5);
      // Every call's latency is its answering attempt's; the throttled calls' retries are in
      // lostMs, not in latency. (How close the median stays to the injected latency under
      // throttling is a bench figure: the CLI's fault-mix run.)
      for (const r of runs) expectAnsweringAttemptLatency(r);
      for (const r of retried) expect(r.lostMs ?? 0).toBeGreaterThan(0);
      // The summary read without outputs (the CLI's) is the one read from whole rows.
      const lean = summarizeModelRuns(listRunSamples(fx!.db, fx!.experimentId));
      expect(lean).toEqual(summarizeModelRuns(runs));
      expect(lean.reduce((s, m) => s + m.throttles, 0)).toBeGreaterThan(5);
      // Progress counts what the store holds, per model, and its lost time is the summary's
      // (the CLI's and the report's) to the millisecond, though each adds the calls in another
      // order (the panel as they end, the summary by paragraph).
      for (const m of final.perModel) {
        const mine = runs.filter((r) => r.modelId === m.modelId);
        const summary = lean.find((s) => s.modelId === m.modelId);
        expect(m.throttles).toBe(mine.reduce((s, r) => s + (r.throttles ?? 0), 0));
        expect(m.retries).toBe(mine.reduce((s, r) => s + r.attempts - 1, 0));
        expect(summary?.lostMs).toBeGreaterThan(0);
        expect(m.lostMs).toBe(Math.round(summary?.lostMs ?? 0));
      }
    },
  );

  it.each(['hang', 'stallAfterHeaders', 'stallStream'] as const)(
    'a %s is detected from the stream, retried, and does not lower the limit',
    async (fault) => {
      standIn.queueFaults(STUDENT, [fault]);
      const {
        final,
        runs,
        fx: f,
      } = await run({
        paragraphs: 6,
        concurrency: 4,
        client: PATIENT,
        tuning: { stallBeforeMeasuredMs: 400 },
      });
      expect(final).toMatchObject({ status: 'completed', failed: 0, done: 12 });
      const hung = runs.filter((r) => r.attemptLog?.some((a) => a.errorClass === 'timeout'));
      expect(hung).toHaveLength(1);
      expect(hung[0]).toMatchObject({ modelId: STUDENT, status: 'ok', attempts: 2, throttles: 0 });
      // The hung attempt (given up after 400 ms) is time lost, not latency: the latency is the
      // retry's, which the stand-in served in LATENCY ms.
      expect(hung[0]?.lostMs ?? 0).toBeGreaterThanOrEqual(400);
      expect(hung[0]?.e2eMs ?? 0).toBeGreaterThanOrEqual(LATENCY);
      expect(hung[0]?.e2eMs ?? Infinity).toBeLessThan(hung[0]?.lostMs ?? 0);
      // A hang is not a throttle: the limit never moved.
      expect(f.events.every((e) => e.concurrency === 4 && e.limitChange === undefined)).toBe(true);
    },
  );

  it('hang limits follow the model’s measured TTFT once it has answered', async () => {
    // Unmeasured, a model gets a minute; once it has answered (TTFT 40 ms), 4 × TTFT, floored
    // at 100 ms: the hangs queued after its first answer end in well under the test's timeout.
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 4,
      students: [STUDENT],
      concurrency: 1,
      client: PATIENT,
      tuning: { stallBeforeMeasuredMs: 60_000, stallFactor: 4, stallFloorMs: 100 },
      probeOnline: async () => true,
    });
    fx.runner.start(fx.experimentId);
    await fx.until((p) => p.perModel.every((m) => m.done >= 1));
    standIn.queueFaults(STUDENT, ['hang', 'stallStream']);
    standIn.queueFaults(TEACHER, ['stallAfterHeaders']);
    const final = await fx.runner.settled(fx.experimentId);
    expect(final).toMatchObject({ status: 'completed', failed: 0, done: 8 });
    const runs = listRuns(fx.db, fx.experimentId);
    const hangs = runs.flatMap((r) => r.attemptLog ?? []).filter((a) => a.errorClass === 'timeout');
    expect(hangs).toHaveLength(3);
  });

  it('lowers the limit on throttles, says why, and climbs back once they stop', async () => {
    standIn.queueFaults('*', ['throttle', 'throttle', 'throttle']);
    const { final, fx: f } = await run({
      paragraphs: 40,
      concurrency: 4,
      client: { maxAttempts: 1 },
      tuning: { maxRequeues: 5 },
    });
    expect(final).toMatchObject({ status: 'completed', failed: 0 });
    const lowest = Math.min(...f.events.map((e) => e.concurrency));
    expect(lowest).toBeLessThan(4);
    const lowered = f.events.find((e) => e.limitChange && e.limitChange.to < e.limitChange.from);
    expect(lowered?.limitChange?.reason).toMatch(
      /^lowered from \d to \d: Bedrock throttled \d+ of the last \d+ attempts \(the latest a call of /,
    );
    expect(final.concurrency).toBe(4);
    expect(final.limitChange).toMatchObject({ to: 4 });
    expect(final.limitChange?.reason).toMatch(
      /^raised from 3 to 4: 3 more calls answered while every slot was busy/,
    );
  });
});
