/**
 * The judge through the real SDK against the stand-in: valid answers become scores, a malformed
 * or out-of-range answer is asked again once and then recorded as a judge failure (never
 * guessed), pairwise verdicts need both orders, transport faults are retried with the runner's
 * policy, a judge without access stops the run, and a second run pays for nothing twice.
 */
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import type { ConverseBody } from '../../../test/support/bedrockStandIn';
import { seedExperimentWithRuns, type SeededExperiment } from '../../../test/support/qualitySeed';
import { FAST_TUNING } from '../../../test/support/runnerFixture';
import { clientFor } from '../../../test/support/standInClient';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Experiment } from '../../shared/domain/experiment';
import type { JudgeProgress } from '../../shared/quality/judgeProgress';
import { defaultJudgeSettings, type JudgeSettings } from '../../shared/quality/qualitySettings';
import { openDatabase } from '../db/open';
import { getExperiment } from '../db/repos/experiments';
import { listScoreRows } from '../db/repos/scores';
import { countPromptTokens } from '../estimate/promptTokens';
import { MALFORMED_REMINDER } from './judgeCall';
import { loadJudgeEstimate } from './judgeEstimate';
import { JudgeRunner } from './judgeRunner';

const JUDGE = 'test.judge-v1:0';
const VALID = (f: number) =>
  `{"faithfulness": ${f}, "coverage": 4, "conciseness": 3, "fluency": 5, "reason": "Fine."}`;

const userText = (body: ConverseBody): string => body.messages?.[0]?.content?.[0]?.text ?? '';
const isScore = (body: ConverseBody) => userText(body).includes('Summary to grade');
const retried = (body: ConverseBody) => userText(body).endsWith(MALFORMED_REMINDER);
/** The teacher's seeded outputs mention "regional office"; the student's never do. */
const judgedTeacher = (body: ConverseBody) =>
  /Summary to grade:\n<<<\nThe regional office/.test(userText(body));
const teacherIsA = (body: ConverseBody) =>
  /Summary A:\n<<<\nThe regional office/.test(userText(body));

/** A consistent judge: teacher outputs score 5, students 2; prefers the teacher in both orders. */
const honest = (body: ConverseBody): string =>
  isScore(body)
    ? VALID(judgedTeacher(body) ? 5 : 2)
    : `{"preferred": "${teacherIsA(body) ? 'A' : 'B'}", "reason": "More complete."}`;

let standIn: BedrockStandIn;
let db: Database;
let cleanup: () => void;
let seeded: SeededExperiment;
let experiment: Experiment;
let events: JudgeProgress[];
let judge: JudgeSettings;

function runner(maxAttempts = 1, tuning = {}): JudgeRunner {
  const client = clientFor(standIn, { maxAttempts });
  return new JudgeRunner({
    db,
    clientFor: () => client,
    emit: (p) => events.push(p),
    tuning: { ...FAST_TUNING, maxRequeues: 2, ...tuning },
  });
}

async function judgeAll(r: JudgeRunner, settings = judge): Promise<JudgeProgress> {
  const first = r.start(experiment, settings);
  // With nothing left to judge the session ends at once and there is nothing to wait for.
  return (await r.settled(experiment.id)) ?? first;
}

const calls = (status?: string) =>
  db
    .prepare(
      `SELECT kind, status, calls, problem, cost_usd AS costUsd FROM judge_calls ${status ? 'WHERE status = ?' : ''}`,
    )
    .all(...(status ? [status] : [])) as {
    kind: string;
    status: string;
    calls: number;
    problem: string | null;
    costUsd: number | null;
  }[];

beforeEach(async () => {
  const tmp = makeTempDir('distill-judge-');
  cleanup = tmp.cleanup;
  db = (await openDatabase(`${tmp.dir}/distill-roi.sqlite`)).db;
  seeded = seedExperimentWithRuns(db, { paragraphs: 6 });
  experiment = getExperiment(db, seeded.experimentId) as Experiment;
  events = [];
  judge = {
    ...defaultJudgeSettings(
      'us-east-1',
      { inputUsdPer1k: 0.003, outputUsdPer1k: 0.015, source: 'test' },
      JUDGE,
    ),
    concurrency: 4,
  };
  standIn = await startBedrockStandIn({ models: { [JUDGE]: { latencyMs: 5, output: honest } } });
});

afterEach(async () => {
  await standIn.close();
  db.close();
  cleanup();
});

describe('judge runner', () => {
  it('scores every output on four criteria and judges every pair in both orders', async () => {
    const end = await judgeAll(runner());
    // 6 paragraphs × (teacher + student) rubric calls + 6 × 2 pairwise orders.
    expect(end).toMatchObject({
      status: 'completed',
      total: 24,
      done: 24,
      answered: 24,
      failures: 0,
    });
    expect(standIn.requestsFor(JUDGE)).toHaveLength(24);
    const body = standIn.requestsFor(JUDGE)[0]?.body;
    expect(body?.inferenceConfig).toMatchObject({ temperature: 0, maxTokens: 400 });

    const scores = listScoreRows(db, seeded.experimentId).filter((s) => s.source === 'judge');
    const faithfulness = scores.filter((s) => s.metric === 'judge.faithfulness');
    expect(faithfulness).toHaveLength(12);
    expect(
      faithfulness.filter((s) => s.modelId === seeded.teacher).every((s) => s.value === 5),
    ).toBe(true);
    expect(
      faithfulness.filter((s) => s.modelId !== seeded.teacher).every((s) => s.value === 2),
    ).toBe(true);
    const pairwise = scores.filter((s) => s.metric === 'judge.pairwise');
    expect(pairwise).toHaveLength(6);
    expect(pairwise.every((s) => s.value === 0 && s.modelId === seeded.students[0])).toBe(true);

    // Judge cost is its own: 24 calls at the judge's price, nothing added to the runs.
    const spent = calls().reduce((a, c) => a + (c.costUsd ?? 0), 0);
    expect(end.costUsd).toBeCloseTo(spent, 12);
    expect(spent).toBeGreaterThan(0);
    expect(events.at(-1)?.status).toBe('completed');
  });

  it('cancels out position bias: a judge that always says "A" yields ties', async () => {
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: (b) => (isScore(b) ? VALID(4) : '{"preferred": "A", "reason": "First is better."}'),
    });
    await judgeAll(runner());
    const pairwise = listScoreRows(db, seeded.experimentId).filter(
      (s) => s.metric === 'judge.pairwise',
    );
    expect(pairwise.map((s) => s.value)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('asks each item once by default: an unreadable answer is stored raw with its reason', async () => {
    standIn.queueOutputs(JUDGE, ['I think this summary deserves a 4 out of 5.']);
    const end = await judgeAll(runner(), { ...judge, concurrency: 1 });
    expect(end).toMatchObject({ status: 'completed', answered: 23, failures: 1 });
    expect(standIn.requestsFor(JUDGE)).toHaveLength(24);
    expect(standIn.requestsFor(JUDGE).some((r) => retried(r.body ?? {}))).toBe(false);
    const row = db
      .prepare(
        "SELECT calls, answer_text AS text, problem FROM judge_calls WHERE status = 'invalid'",
      )
      .get();
    expect(row).toEqual({
      calls: 1,
      text: 'I think this summary deserves a 4 out of 5.',
      problem: 'The answer is not a single JSON object.',
    });
    // It never counts as a score.
    const faithfulness = listScoreRows(db, seeded.experimentId).filter(
      (s) => s.metric === 'judge.faithfulness',
    );
    expect(faithfulness).toHaveLength(11);
  });

  it('asks once more after a malformed answer, with a reminder, when the analyst allows two asks', async () => {
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: (b) => (retried(b) ? honest(b) : 'I think this summary deserves a 4 out of 5.'),
    });
    const end = await judgeAll(runner(), { ...judge, answerAttempts: 2 });
    expect(end).toMatchObject({ answered: 24, failures: 0 });
    expect(standIn.requestsFor(JUDGE)).toHaveLength(48);
    expect(calls().every((c) => c.status === 'ok' && c.calls === 2)).toBe(true);
  });

  it.each([
    ['malformed JSON', '{"faithfulness": 5, "coverage": 4,'],
    ['out-of-range scores', VALID(7)],
    ['prose instead of JSON', 'Faithfulness 5, coverage 4, conciseness 3, fluency 5.'],
  ])('records %s twice as a judge failure and guesses nothing', async (_what, bad) => {
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: (b) => (isScore(b) ? bad : '{"preferred": "B", "reason": "x"}'),
    });
    // One call at a time, so that the pause comes at a known answer: half of them unreadable,
    // the run pauses once it has 20 (10 answered, 10 failed after two asks each).
    const end = await judgeAll(runner(), { ...judge, answerAttempts: 2, concurrency: 1 });
    expect(end).toMatchObject({ status: 'paused', answered: 10, failures: 10, errors: 0 });
    expect(end.statusReason).toContain('Paused after 10 of 20 judge answers unreadable');
    const failed = calls('invalid');
    expect(failed).toHaveLength(10);
    expect(
      failed.every((c) => c.kind === 'score' && c.calls === 2 && (c.problem ?? '').length > 0),
    ).toBe(true);
    // The two unusable answers were paid for and are counted.
    expect(failed.every((c) => (c.costUsd ?? 0) > 0)).toBe(true);
    const criteria = listScoreRows(db, seeded.experimentId).filter((s) =>
      s.metric.startsWith('judge.f'),
    );
    expect(criteria).toHaveLength(0);
  });

  it('treats one out-of-range answer followed by a valid one as answered', async () => {
    standIn.setModel(JUDGE, { latencyMs: 5, output: (b) => (retried(b) ? honest(b) : VALID(0)) });
    const end = await judgeAll(runner(), { ...judge, answerAttempts: 2 });
    expect(end).toMatchObject({ answered: 24, failures: 0 });
  });

  it('resumes without paying twice, and a new prompt version judges again', async () => {
    await judgeAll(runner());
    standIn.clearRequests();
    const again = await judgeAll(runner());
    expect(standIn.requestsFor(JUDGE)).toHaveLength(0);
    expect(again).toMatchObject({ status: 'completed', total: 24, done: 24 });

    const edited = { ...judge, rubric: `${judge.rubric}\nBe strict.` };
    const third = await judgeAll(runner(), edited);
    expect(standIn.requestsFor(JUDGE)).toHaveLength(24);
    expect(third.promptId).not.toBe(again.promptId);
    expect(userText(standIn.requestsFor(JUDGE)[0]?.body ?? {})).toContain('Be strict.');
    const prompts = db.prepare('SELECT rubric FROM judge_prompts ORDER BY created_at').all();
    expect(prompts).toHaveLength(2);
  });

  it('retries throttled calls with the runner’s back-off and still judges everything', async () => {
    standIn.queueFaults(JUDGE, ['throttle', 'throttle', 'serverError']);
    const end = await judgeAll(runner());
    expect(end).toMatchObject({ status: 'completed', answered: 24, errors: 0 });
    expect(standIn.requestsFor(JUDGE)).toHaveLength(27);
  });

  it('records a call as an error after the retries run out, and the next run tries it again', async () => {
    standIn.queueFaults(JUDGE, ['validation']);
    const first = await judgeAll(runner(1, { maxRequeues: 0 }));
    expect(first).toMatchObject({ answered: 23, errors: 1 });
    const second = await judgeAll(runner());
    expect(second).toMatchObject({ answered: 24, errors: 0, done: 24 });
  });

  it('stops after one call when the judge model cannot be used', async () => {
    standIn.setModel(JUDGE, { latencyMs: 5, alwaysFault: 'accessDenied' });
    const end = await judgeAll(runner(1, {}));
    expect(end.status).toBe('stopped');
    expect(end.statusReason).toMatch(/judge model unavailable/);
    // At most the calls already in flight (the concurrency) reach the stand-in.
    expect(standIn.requestsFor(JUDGE).length).toBeLessThanOrEqual(judge.concurrency);
    expect(end.errors).toBeGreaterThanOrEqual(1);
  });

  it('cancels calls in flight without recording them', async () => {
    standIn.setModel(JUDGE, { latencyMs: 5, output: honest, alwaysFault: 'hang' });
    const r = runner();
    r.start(experiment, judge);
    await expect.poll(() => standIn.inFlight).toBe(4);
    const end = await r.cancel(experiment.id);
    expect(end).toMatchObject({ status: 'cancelled', done: 0 });
    expect(calls()).toHaveLength(0);
  });
});

describe('judge cost estimate, against the calls a run makes', () => {
  /** Input tokens of the prompts the stand-in received, counted as the estimate counts them. */
  const sentInputTokens = () =>
    countPromptTokens(
      JUDGE,
      standIn.requestsFor(JUDGE).map((r) => userText(r.body ?? {})),
      null,
    ).promptTokens.reduce((a, b) => a + b, 0);

  it('counts exactly the prompts a run sends, and nothing once they are answered', async () => {
    const before = loadJudgeEstimate(db, experiment, judge);
    expect(before).toMatchObject({ totalCalls: 24, judgedCalls: 0, calls: 24 });
    await judgeAll(runner());
    expect(standIn.requestsFor(JUDGE)).toHaveLength(before.calls);
    expect(sentInputTokens()).toBe(before.expectedInputTokens);
    expect(loadJudgeEstimate(db, experiment, judge)).toMatchObject({
      totalCalls: 24,
      judgedCalls: 24,
      calls: 0,
      expectedInputTokens: 0,
    });
  });

  it('has as its most input what a judge sends when every first answer is unreadable', async () => {
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: (b) => (retried(b) ? honest(b) : 'A fine summary, I would say 4.'),
    });
    const twice = { ...judge, answerAttempts: 2 };
    const before = loadJudgeEstimate(db, experiment, twice);
    await judgeAll(runner(), twice);
    expect(standIn.requestsFor(JUDGE)).toHaveLength(2 * before.calls);
    expect(sentInputTokens()).toBe(before.maxInputTokens);
  });

  it('after a run with an errored call, counts only that call, which the next run makes', async () => {
    standIn.queueFaults(JUDGE, ['validation']);
    await judgeAll(runner(1, { maxRequeues: 0 }));
    const left = loadJudgeEstimate(db, experiment, judge);
    expect(left).toMatchObject({ totalCalls: 24, judgedCalls: 23, calls: 1 });
    standIn.clearRequests();
    await judgeAll(runner());
    expect(standIn.requestsFor(JUDGE)).toHaveLength(1);
    expect(sentInputTokens()).toBe(left.expectedInputTokens);
  });
});

describe('a judge that stops wasting money', () => {
  const oneAtATime = () => ({ ...judge, concurrency: 1 });

  it('pauses after 5 unreadable answers in a row, saying what to change and what it spent', async () => {
    standIn.setModel(JUDGE, { latencyMs: 5, output: { text: 'Looks good to me: 4/5.' } });
    const settings = oneAtATime();
    const estimate = loadJudgeEstimate(db, experiment, settings);
    const r = runner();
    r.start(experiment, settings, {
      estimate: { expectedUsd: estimate.expectedUsd ?? 0, maxUsd: estimate.maxUsd ?? 0 },
    });
    const end = await r.settled(experiment.id);
    expect(end).toMatchObject({ status: 'paused', done: 5, answered: 0, failures: 5 });
    expect(standIn.requestsFor(JUDGE)).toHaveLength(5);
    expect(end?.statusReason).toMatch(/^Paused after 5 unreadable judge answers in a row/);
    expect(end?.statusReason).toContain('pick a judge model that follows JSON instructions');
    expect(end?.statusReason).toMatch(/Spent \$[\d.]+ against an estimate of \$[\d.]+/);
    expect(end?.runCostUsd).toBeGreaterThan(0);
    expect(end?.runEstimate).toEqual({
      expectedUsd: estimate.expectedUsd,
      maxUsd: estimate.maxUsd,
    });
    // The raw answers are there to read, each with its reason.
    expect(
      calls('invalid').every((c) => c.problem === 'The answer is not a single JSON object.'),
    ).toBe(true);
  });

  it('says to raise max tokens when the answers were cut off at the limit', async () => {
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: { text: `{"faithfulness": 5, ${'x '.repeat(200)}` },
    });
    const end = await judgeAll(runner(), { ...oneAtATime(), maxTokens: 50 });
    expect(end.status).toBe('paused');
    expect(end.statusReason).toContain(
      "cut off at the 50-token limit: raise the judge's max tokens",
    );
    expect(calls('invalid')[0]?.problem).toContain('It was cut off at the 50-token limit.');
  });

  it('pauses once a fifth of 20 answers are unreadable, even with none 5 in a row', async () => {
    // Every second-order pairwise answer is unreadable: one in four.
    standIn.setModel(JUDGE, {
      latencyMs: 5,
      output: (b) => (!isScore(b) && !teacherIsA(b) ? 'B, clearly.' : honest(b)),
    });
    const end = await judgeAll(runner(), oneAtATime());
    expect(end).toMatchObject({ status: 'paused', done: 20, answered: 15, failures: 5 });
    expect(end.statusReason).toMatch(/^Paused after 5 of 20 judge answers unreadable/);
  });

  it('retries failed items when asked, keeping what the first answers cost', async () => {
    standIn.queueOutputs(JUDGE, ['not json', 'not json either']);
    const first = await judgeAll(runner(), oneAtATime());
    expect(first).toMatchObject({ status: 'completed', answered: 22, failures: 2 });
    expect(first.statusReason).toMatch(/^2 of 24 judge calls gave no usable score\. Spent \$/);
    const paidBefore = first.costUsd;

    // Without asking, failures are final; asked, only they are made again.
    expect(loadJudgeEstimate(db, experiment, oneAtATime())).toMatchObject({
      calls: 0,
      failedCalls: 2,
    });
    const retry = loadJudgeEstimate(db, experiment, oneAtATime(), true);
    expect(retry).toMatchObject({ calls: 2, failedCalls: 2, retryFailures: true });
    standIn.clearRequests();
    const r = runner();
    r.start(experiment, oneAtATime(), { retryFailures: true });
    const second = await r.settled(experiment.id);
    expect(standIn.requestsFor(JUDGE)).toHaveLength(2);
    expect(second).toMatchObject({ status: 'completed', answered: 24, failures: 0, done: 24 });
    expect(second?.statusReason).not.toContain('no usable score');
    // The retried items carry the first calls: two calls each, and the judge's cost includes both.
    const retried = db.prepare('SELECT calls FROM judge_calls WHERE calls > 1').all();
    expect(retried).toEqual([{ calls: 2 }, { calls: 2 }]);
    expect(second?.costUsd ?? 0).toBeCloseTo(paidBefore + (second?.runCostUsd ?? 0), 12);
    const stored = db.prepare('SELECT SUM(cost_usd) AS c FROM judge_calls').get() as { c: number };
    expect(stored.c).toBeCloseTo(second?.costUsd ?? 0, 12);
  });
});
