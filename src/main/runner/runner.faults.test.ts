/**
 * Every fault the stand-in can inject ends, through the runner, as a stored result or as a
 * classified error whose attempts stay within the documented bound; models without access are
 * given up after one call; throttling lowers the run's concurrency.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { startCapacityProxy } from '../../../test/support/capacityProxy';
import {
  makeRunnerFixture,
  STUDENT,
  STUDENT2,
  TEACHER,
  type RunnerFixture,
} from '../../../test/support/runnerFixture';
import type { FaultKind } from '../../../test/support/standInTypes';
import { listRuns } from '../db/repos/runs';
import { getExperiment } from '../db/repos/experiments';

const SDK_ATTEMPTS = 2;
const MAX_REQUEUES = 2;
const BOUND = SDK_ATTEMPTS * (1 + MAX_REQUEUES);

interface Case {
  fault: FaultKind;
  kind: string;
  /** Requests per runner try (the SDK retries some faults itself). */
  perTry: number;
  failFast?: boolean;
}

const RETRIED: Case[] = [
  { fault: 'throttle', kind: 'throttled', perTry: 2 },
  { fault: 'serverError', kind: 'server', perTry: 2 },
  { fault: 'unavailable', kind: 'server', perTry: 2 },
  { fault: 'modelNotReady', kind: 'server', perTry: 2 },
  { fault: 'modelTimeout', kind: 'timeout', perTry: 1 },
  { fault: 'modelError', kind: 'server', perTry: 1 },
  { fault: 'hang', kind: 'timeout', perTry: 2 },
  { fault: 'reset', kind: 'network', perTry: 2 },
  { fault: 'malformed', kind: 'malformed', perTry: 1 },
  { fault: 'cutStream', kind: 'stream_cut', perTry: 1 },
  { fault: 'stallStream', kind: 'timeout', perTry: 1 },
  { fault: 'streamThrottle', kind: 'throttled', perTry: 1 },
  { fault: 'streamModelError', kind: 'server', perTry: 1 },
  { fault: 'badChecksum', kind: 'malformed', perTry: 1 },
  { fault: 'stallAfterHeaders', kind: 'timeout', perTry: 2 },
];
const FINAL: Case[] = [
  { fault: 'validation', kind: 'validation', perTry: 1 },
  { fault: 'accessDenied', kind: 'access_denied', perTry: 1, failFast: true },
  { fault: 'onDemandUnsupported', kind: 'validation', perTry: 1, failFast: true },
  { fault: 'notFound', kind: 'not_found', perTry: 1, failFast: true },
  { fault: 'badCredentials', kind: 'bad_credentials', perTry: 1, failFast: true },
  { fault: 'expiredToken', kind: 'expired_credentials', perTry: 1, failFast: true },
];

const QUICK = { latencyMs: 30, ttftMs: 5, chunks: 4 };

describe('faults through the runner', () => {
  let standIn: BedrockStandIn;
  let fx: RunnerFixture;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: { [TEACHER]: QUICK, [STUDENT]: QUICK, [STUDENT2]: QUICK },
    });
  });
  afterAll(() => standIn.close());
  afterEach(async () => {
    standIn.setModel(TEACHER, QUICK);
    standIn.setModel(STUDENT, QUICK);
    standIn.clearQueues();
    await fx.cleanup();
  });

  const fixture = (paragraphs = 1) =>
    makeRunnerFixture({
      standIn,
      paragraphs,
      concurrency: 4,
      client: { maxAttempts: SDK_ATTEMPTS, requestTimeoutMs: 150, idleTimeoutMs: 150 },
      tuning: { maxRequeues: MAX_REQUEUES },
    });

  it.each([...RETRIED, ...FINAL])(
    'a persistent $fault ends as a $kind error within the bound',
    async (c) => {
      fx = await fixture();
      standIn.setModel(TEACHER, { ...QUICK, alwaysFault: c.fault });
      standIn.clearRequests();
      fx.runner.start(fx.experimentId);
      const final = await fx.runner.settled(fx.experimentId);

      const teacher = listRuns(fx.db, fx.experimentId).filter((r) => r.modelId === TEACHER);
      const tries = RETRIED.includes(c) ? 1 + MAX_REQUEUES : 1;
      expect(teacher).toHaveLength(1);
      expect(teacher[0]).toMatchObject({
        status: 'error',
        errorClass: c.kind,
        attempts: c.perTry * tries,
        costUsd: null,
      });
      expect(teacher[0]?.errorMessage?.length).toBeGreaterThan(10);
      expect(standIn.requestsFor(TEACHER)).toHaveLength(c.perTry * tries);
      expect(teacher[0]?.attempts).toBeLessThanOrEqual(BOUND);
      // The other model is untouched by the teacher's trouble.
      expect(listRuns(fx.db, fx.experimentId).find((r) => r.modelId === STUDENT)?.status).toBe(
        'ok',
      );
      if (c.failFast) {
        expect(final.status).toBe('paused');
        expect(final.statusReason).toMatch(/^blocked: test\.teacher-v1:0: /);
        const blocked = final.perModel[0]?.blocked ?? '(none)';
        expect(teacher[0]?.errorMessage?.startsWith(blocked)).toBe(true);
      } else {
        expect(final).toMatchObject({
          status: 'completed',
          statusReason: '1 call ended in an error',
        });
      }
    },
  );

  it.each(RETRIED)('a single $fault is retried into a result', async (c) => {
    fx = await fixture();
    standIn.queueFaults(TEACHER, [c.fault]);
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    const final = await fx.runner.settled(fx.experimentId);
    const teacher = listRuns(fx.db, fx.experimentId).find((r) => r.modelId === TEACHER);
    expect(final).toMatchObject({ status: 'completed', failed: 0 });
    expect(teacher).toMatchObject({ status: 'ok', errorClass: null });
    // Whether the SDK or the runner retried, every request is counted once.
    expect(teacher?.attempts).toBe(standIn.requestsFor(TEACHER).length);
    expect(teacher?.attempts).toBe(2);
  });

  it('gives up a model without access after one call; the others complete; resume fills in', async () => {
    fx = await makeRunnerFixture({
      standIn,
      paragraphs: 6,
      students: [STUDENT, STUDENT2],
      concurrency: 6,
    });
    standIn.setModel(STUDENT, { ...QUICK, alwaysFault: 'accessDenied' });
    standIn.clearRequests();
    fx.runner.start(fx.experimentId);
    const paused = await fx.runner.settled(fx.experimentId);

    expect(standIn.requestsFor(STUDENT)).toHaveLength(1);
    const runs = listRuns(fx.db, fx.experimentId);
    expect(runs.filter((r) => r.modelId === STUDENT)).toMatchObject([
      { status: 'error', errorClass: 'access_denied' },
    ]);
    expect(runs.filter((r) => r.modelId === TEACHER && r.status === 'ok')).toHaveLength(6);
    expect(runs.filter((r) => r.modelId === STUDENT2 && r.status === 'ok')).toHaveLength(6);
    expect(paused.status).toBe('paused');
    expect(paused.statusReason).toContain('Model access not granted');
    expect(paused.perModel.find((m) => m.modelId === STUDENT)?.blocked).toContain(
      'Model access not granted',
    );
    expect(getExperiment(fx.db, fx.experimentId)?.status).toBe('paused');

    // Access granted: a resume makes the five calls never made, not the recorded failure.
    standIn.setModel(STUDENT, QUICK);
    standIn.clearRequests();
    fx.runner.resume(fx.experimentId);
    const done = await fx.runner.settled(fx.experimentId);
    expect(standIn.requests.map((r) => r.modelId)).toEqual(Array(5).fill(STUDENT));
    expect(done).toMatchObject({ status: 'completed', done: 18, failed: 1 });
  });

  it('halves its concurrency when Bedrock throttles and stays near the quota', async () => {
    const quota = 3;
    const proxy = await startCapacityProxy(standIn.url, quota);
    standIn.setModel(TEACHER, { latencyMs: 100, ttftMs: 20 });
    standIn.setModel(STUDENT, { latencyMs: 100, ttftMs: 20 });
    try {
      fx = await makeRunnerFixture({
        standIn,
        paragraphs: 25,
        concurrency: 8,
        client: { endpoint: proxy.url, maxAttempts: 1 },
        tuning: { maxRequeues: 10 },
      });
      fx.runner.start(fx.experimentId);
      const final = await fx.runner.settled(fx.experimentId);
      expect(final).toMatchObject({ status: 'completed', done: 50, failed: 0 });

      const dropIndex = fx.events.findIndex((e) => e.concurrency < 8);
      expect(dropIndex).toBeGreaterThan(0);
      const droppedAt = fx.eventTimes[dropIndex] ?? Infinity;
      const before = proxy.arrivals.filter((a) => a.at < droppedAt);
      // Requests sent before the drop may still be on their way, however slow the machine: at
      // most 8 (the limit then), so the 8 arrivals after them are left out, whatever their time.
      const after = proxy.arrivals.slice(before.length + 8);
      expect(Math.max(...before.map((a) => a.offered))).toBeGreaterThan(quota + 1);
      expect(after.length).toBeGreaterThan(10);
      // After the first halving the run stays near the quota: it probes for room one call at a
      // time and halves again once throttles are half of what comes back (throttleShare.ts),
      // which a quota of 3 does at 6 in flight. So at most two requests above it.
      expect(Math.max(...after.map((a) => a.offered))).toBeLessThanOrEqual(quota + 2);
      const throttled = proxy.arrivals.filter((a) => a.throttled).length;
      // Probing for room costs a throttle now and then: fewer than one a call.
      expect(throttled).toBeLessThan(50);
    } finally {
      await proxy.close();
    }
  });
});
