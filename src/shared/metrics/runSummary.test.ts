import { describe, expect, it } from 'vitest';
import { ratio, summarizeModelRuns, type RunSample } from './runSummary';

const run = (modelId: string, overrides: Partial<RunSample> = {}): RunSample => ({
  modelId,
  status: 'ok',
  inputTokens: 100,
  outputTokens: 50,
  e2eMs: 1000,
  serverMs: 900,
  ttftMs: 200,
  costUsd: 0.01,
  ...overrides,
});

const failed = (modelId: string): RunSample => ({
  modelId,
  status: 'error',
  inputTokens: null,
  outputTokens: null,
  e2eMs: 30,
  serverMs: null,
  ttftMs: null,
  costUsd: 0,
});

const runs: RunSample[] = [
  run('teacher', {
    e2eMs: 2000,
    serverMs: 1800,
    ttftMs: 400,
    inputTokens: 120,
    outputTokens: 80,
    costUsd: 0.02,
  }),
  failed('teacher'),
  run('student', { e2eMs: 500, serverMs: 450, ttftMs: 100, outputTokens: 60, costUsd: 0.002 }),
  run('teacher', {
    e2eMs: 4000,
    serverMs: 3800,
    ttftMs: 600,
    inputTokens: 100,
    outputTokens: 100,
    costUsd: 0.04,
  }),
  run('student', { e2eMs: 700, serverMs: 650, ttftMs: 140, outputTokens: 80, costUsd: 0.004 }),
  failed('student'),
  failed('student'),
];

describe('summarizeModelRuns', () => {
  const [teacher, student] = summarizeModelRuns(runs);

  it('keeps first-appearance order and counts calls and errors', () => {
    expect(teacher?.modelId).toBe('teacher');
    expect(student?.modelId).toBe('student');
    expect([teacher?.calls, teacher?.errors]).toEqual([3, 1]);
    expect([student?.calls, student?.errors]).toEqual([4, 2]);
    expect(student?.errorRate).toBe(0.5);
  });

  it('excludes failed calls from latency, tokens and cost', () => {
    // The 30 ms, zero-cost errors would pull the mean down if counted.
    expect(teacher?.e2e).toEqual({
      count: 2,
      mean: 3000,
      p50: 3000,
      p95: 3900,
      min: 2000,
      max: 4000,
    });
    expect(teacher?.server.mean).toBe(2800);
    expect(teacher?.ttft.p50).toBe(500);
    expect(teacher?.meanInputTokens).toBe(110);
    expect(teacher?.meanOutputTokens).toBe(90);
    expect(teacher?.costPerRequest).toBeCloseTo(0.03, 15);
    expect(teacher?.costPer1kRequests).toBeCloseTo(30, 12);
    expect(student?.costPerRequest).toBeCloseTo(0.003, 15);
    expect(student?.costPer1kRequests).toBeCloseTo(3, 12);
  });

  it('averages per-call throughput after the first token', () => {
    // Teacher: 80 / 1.6 s = 50 tok/s and 100 / 3.4 s ≈ 29.41 tok/s.
    expect(teacher?.meanOutputTokensPerSecond).toBeCloseTo((50 + 100 / 3.4) / 2, 10);
  });

  it('takes token means over the calls that reported both counts, so both describe the same requests', () => {
    const [m] = summarizeModelRuns([
      run('m', { inputTokens: 60, outputTokens: 20 }),
      run('m', { inputTokens: 120, outputTokens: null }),
      run('m', { inputTokens: 80, outputTokens: 40 }),
    ]);
    expect([m?.meanInputTokens, m?.meanOutputTokens]).toEqual([70, 30]);
  });

  it('sums throttles, retries and time lost over all calls, apart from latency', () => {
    const [m] = summarizeModelRuns([
      run('m', { attempts: 3, throttles: 2, lostMs: 2_221, e2eMs: 1_008 }),
      run('m', { attempts: 1, throttles: 0, lostMs: 0, e2eMs: 1_000 }),
      { ...failed('m'), attempts: 4, throttles: 1, lostMs: 60_000 },
      // Stored before attempts were kept: its retries count, its unknowns add nothing.
      run('m', { attempts: 2, throttles: null, lostMs: null, e2eMs: 1_004 }),
      run('m'),
    ]);
    expect(m).toMatchObject({ throttles: 3, retries: 6, lostMs: 62_221 });
    expect(m?.e2e.p50).toBe(1_002); // of 1,008, 1,000, 1,004, 1,000: no lost time in it
  });

  it('yields null figures for a model whose every call failed', () => {
    const [only] = summarizeModelRuns([failed('m'), failed('m')]);
    expect(only?.e2e.count).toBe(0);
    expect(only?.e2e.mean).toBeNull();
    expect(only?.meanOutputTokens).toBeNull();
    expect(only?.costPerRequest).toBeNull();
    expect(only?.errorRate).toBe(1);
  });
});

describe('ratio', () => {
  it('divides teacher by student', () => {
    const [teacher, student] = summarizeModelRuns(runs);
    if (!teacher || !student) throw new Error('expected two models');
    const r = ratio(teacher, student);
    expect(r.costPerRequest).toBeCloseTo(10, 10);
    expect(r.e2eMean).toBeCloseTo(3000 / 600, 12);
    expect(r.e2eP50).toBeCloseTo(3000 / 600, 12);
    expect(r.ttftP50).toBeCloseTo(500 / 120, 12);
    expect(r.serverP50).toBeCloseTo(2800 / 550, 12);
  });

  it('is null when the student figure is zero or missing', () => {
    const [teacher] = summarizeModelRuns(runs);
    const [free] = summarizeModelRuns([run('free', { costUsd: 0 })]);
    const [broken] = summarizeModelRuns([failed('broken')]);
    if (!teacher || !free || !broken) throw new Error('expected summaries');
    expect(ratio(teacher, free).costPerRequest).toBeNull();
    expect(ratio(teacher, broken).e2eMean).toBeNull();
  });
});
