/**
 * The judge's channels that need no model: its cost estimate before a run (which calls, tokens
 * and dollars, what is already judged) and the refusal while another process judges.
 */
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedOutput, seedParagraph, seedReference } from '../../../test/support/qualitySeed';
import { seededQualityCore as setup } from '../../../test/support/qualityCore';
import { judgeEstimateText } from '../../shared/estimate/judgeEstimate';
import { renderPairwisePrompt, renderScorePrompt } from '../../shared/quality/judgePrompt';
import { defaultJudgeSettings, type JudgeSettings } from '../../shared/quality/qualitySettings';
import { ensureJudgePrompt, insertJudgeCall, type JudgeCallKind } from '../db/repos/judge';
import { tryAcquireLease } from '../db/repos/runLeases';
import { listRuns } from '../db/repos/runs';
import { countPromptTokens } from '../estimate/promptTokens';
import { judgeFingerprint, judgeLeaseKey } from '../quality/judgeRunner';

describe('starting the judge', () => {
  it('refuses to judge an experiment another process is judging, naming it', async () => {
    const { call, value, core, seeded } = await setup(5);
    const quality = await value('getQualitySetup', { experimentId: seeded.experimentId });
    await value('saveQualitySettings', {
      experimentId: seeded.experimentId,
      settings: { ...quality.settings, judge: quality.defaultJudge },
    });
    // A live process (this one's parent) holds the judge lease, as a second app window would.
    tryAcquireLease(
      core.ctx.db,
      judgeLeaseKey(seeded.experimentId),
      { id: 'another-window', pid: process.ppid, host: hostname(), label: 'app' },
      Date.now(),
      () => false,
    );
    const refused = await call('startJudge', { experimentId: seeded.experimentId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(`app (process ${process.ppid}`) },
    });
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM judge_calls').get()).toEqual({ n: 0 });
  });
});

describe('judge cost estimate channel', () => {
  const JUDGE = 'test.judge-v1:0';
  const priced: JudgeSettings = defaultJudgeSettings(
    'us-east-1',
    { inputUsdPer1k: 0.003, outputUsdPer1k: 0.015, source: 'test' },
    JUDGE,
  );

  function record(db: Database, experimentId: string, judge: JudgeSettings) {
    const prompt = ensureJudgePrompt(db, experimentId, judge, judgeFingerprint(judge));
    const runs = listRuns(db, experimentId);
    return (
      paragraphId: string,
      role: 'teacher' | 'student',
      kind: JudgeCallKind,
      status: 'ok' | 'invalid' | 'error',
    ) => {
      const run = runs.find((r) => r.paragraphId === paragraphId && r.role === role);
      const teacher = runs.find((r) => r.paragraphId === paragraphId && r.role === 'teacher');
      if (!run || !teacher) throw new Error('no run');
      insertJudgeCall(db, {
        experimentId,
        promptId: prompt.id,
        paragraphId,
        runId: run.id,
        otherRunId: kind === 'score' ? null : teacher.id,
        modelId: run.modelId,
        kind,
        status,
        answerText: status === 'error' ? null : '{}',
        answerJson: null,
        problem: status === 'invalid' ? 'unreadable' : null,
        errorClass: status === 'error' ? 'server' : null,
        calls: status === 'error' ? 0 : 1,
        attempts: 1,
        inputTokens: 500,
        outputTokens: 40,
        costUsd: 0.0021,
        startedAt: '2025-01-01T00:00:00.000Z',
        finishedAt: '2025-01-01T00:00:00.000Z',
      });
    };
  }

  it('counts every judge call of the experiment and prices them at the judge’s price, writing nothing', async () => {
    const { value, core, seeded } = await setup(8);
    const e = await value('estimateJudge', { experimentId: seeded.experimentId, judge: priced });
    // 8 paragraphs × (teacher + student) scores, and 8 × 2 orders of the one pair.
    expect(e).toMatchObject({
      judgeModelId: JUDGE,
      tokenizer: 'approximate',
      totalCalls: 32,
      judgedCalls: 0,
      calls: 32,
      scoreCalls: 16,
      pairwiseCalls: 16,
      maxTokens: 400,
      expectedOutputTokens: 32 * 60,
      // One ask per item unless the analyst allows more: at most every answer at the limit.
      maxOutputTokens: 32 * 400,
      answerAttempts: 1,
    });
    expect(e.expectedInputTokens).toBeGreaterThan(32 * 100);
    expect(e.maxInputTokens).toBe(e.expectedInputTokens);
    expect(e.expectedUsd).toBeCloseTo((e.expectedInputTokens * 0.003 + 1920 * 0.015) / 1000, 12);
    expect(e.maxUsd).toBeCloseTo((e.maxInputTokens * 0.003 + 12_800 * 0.015) / 1000, 12);
    const twice = await value('estimateJudge', {
      experimentId: seeded.experimentId,
      judge: { ...priced, answerAttempts: 2 },
    });
    expect(twice.maxOutputTokens).toBe(2 * 32 * 400);
    // The reminder after an unreadable answer makes the second asking longer than the first.
    expect(twice.maxInputTokens).toBeGreaterThan(2 * e.expectedInputTokens);
    expect(twice.maxUsd).toBeCloseTo((twice.maxInputTokens * 0.003 + 25_600 * 0.015) / 1000, 12);
    const written = core.ctx.db
      .prepare(
        'SELECT (SELECT count(*) FROM judge_prompts) + (SELECT count(*) FROM judge_calls) AS n',
      )
      .get();
    expect(written).toEqual({ n: 0 });
  });

  it('leaves out calls the current prompt version has answered or failed, not errored ones', async () => {
    const { value, core, seeded } = await setup(8);
    const id = { experimentId: seeded.experimentId };
    const before = await value('estimateJudge', { ...id, judge: priced });
    const [p0, p1] = seeded.paragraphIds as [string, string];
    const add = record(core.ctx.db, seeded.experimentId, priced);
    add(p0, 'teacher', 'score', 'ok');
    add(p0, 'student', 'pairwiseTeacherFirst', 'invalid');
    add(p1, 'student', 'score', 'error'); // no answer: the next run asks again

    const after = await value('estimateJudge', { ...id, judge: priced });
    expect(after).toMatchObject({
      totalCalls: 32,
      judgedCalls: 2,
      calls: 30,
      scoreCalls: 15,
      pairwiseCalls: 15,
      expectedOutputTokens: 30 * 60,
      maxOutputTokens: 30 * 400,
      failedCalls: 1,
    });
    // Exactly the two judged prompts are no longer counted.
    const teacherOut = seedOutput(0, seeded.teacher, 'teacher');
    const studentOut = seedOutput(0, seeded.students[0] as string, 'student');
    const judged = [
      renderScorePrompt(priced.scorePrompt, {
        rubric: priced.rubric,
        paragraph: seedParagraph(0),
        reference: seedReference(0),
        output: teacherOut,
      }),
      renderPairwisePrompt(priced.pairwisePrompt, {
        rubric: priced.rubric,
        paragraph: seedParagraph(0),
        outputA: teacherOut,
        outputB: studentOut,
      }),
    ];
    const judgedTokens = countPromptTokens(JUDGE, judged, null).promptTokens;
    expect(before.expectedInputTokens - after.expectedInputTokens).toBe(
      (judgedTokens[0] ?? 0) + (judgedTokens[1] ?? 0),
    );
    expect(judgeEstimateText(after).calls).toBe(
      'Before judging: 30 judge calls (15 scores, 15 pairwise comparisons); 2 already judged are not asked again.',
    );

    // Another prompt version has judged nothing yet.
    const edited = { ...priced, rubric: `${priced.rubric}\nBe strict.` };
    expect(await value('estimateJudge', { ...id, judge: edited })).toMatchObject({
      judgedCalls: 0,
      calls: 32,
    });
  });

  it('says there is no price instead of $0, and refuses settings a run would refuse', async () => {
    const { value, call, seeded } = await setup(5);
    const id = { experimentId: seeded.experimentId };
    const unpriced = defaultJudgeSettings('us-east-1', null, 'someone.unknown-v1:0');
    const e = await value('estimateJudge', { ...id, judge: unpriced });
    expect(e).toMatchObject({ calls: 20, expectedUsd: null, maxUsd: null });
    const text = judgeEstimateText(e);
    expect(text.noPrice).toMatch(/^No judge price/);
    expect(`${text.calls} ${text.figures ?? ''}`).not.toContain('$');

    const bad = await call('estimateJudge', {
      ...id,
      judge: { ...priced, scorePrompt: 'Rate {{output}}' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
