/**
 * The quality channels through dispatch (inputs and outputs checked against the contract):
 * ROUGE scored on read and re-scored when runs arrive, statistics with "not enough data",
 * bars and f_T/f_S for the ROI calculator, and blind ratings that survive a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../core';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../ipc/dispatch';
import { makeTestCore } from '../../../test/support/testCore';
import {
  seedExperimentWithRuns,
  seedOutput,
  seedReference,
} from '../../../test/support/qualitySeed';
import { scoreRouge } from '../../shared/metrics';
import { defaultQualitySettings } from '../../shared/quality/qualitySettings';
import type { QualityReport } from '../../shared/quality/reportSchema';
import { insertRun } from '../db/repos/runs';
import { tryAcquireLease } from '../db/repos/runLeases';
import { judgeLeaseKey } from '../quality/judgeRunner';
import { hostname } from 'node:os';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function setup(paragraphs = 8, opts: Parameters<typeof seedExperimentWithRuns>[1] = {}) {
  const t = await makeTestCore();
  cleanups.push(t.cleanup);
  const seeded = seedExperimentWithRuns(t.core.ctx.db, { paragraphs, ...opts });
  return { ...t, seeded };
}

const metric = (r: QualityReport, key: string) => {
  const m = r.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no ${key}`);
  return m;
};

describe('quality report channel', () => {
  it('scores ROUGE on read against the reference and, for students, against the teacher', async () => {
    const { value, seeded } = await setup(8);
    const r = await value('getQualityReport', { experimentId: seeded.experimentId });
    const ref = metric(r, 'rougeL@reference');
    const [teacher, student] = [seeded.teacher, seeded.students[0] as string];
    expect(ref.values[teacher]?.[2]).toBe(
      scoreRouge(seedReference(2), seedOutput(2, teacher, 'teacher'), { stem: true }).rougeL
        .fmeasure,
    );
    const vsTeacher = metric(r, 'rouge2@teacher');
    expect(Object.keys(vsTeacher.values)).toEqual([student]);
    expect(vsTeacher.values[student]?.[1]).toBe(
      scoreRouge(seedOutput(1, teacher, 'teacher'), seedOutput(1, student, 'student'), {
        stem: true,
      }).rouge2.fmeasure,
    );
    expect(ref.perModel[0]?.mean.kind).toBe('estimate');
    expect(ref.perStudent[0]?.difference?.kind).toBe('estimate');
    expect(r.options).toMatchObject({ seed: 20240601, resamples: 2000, rougeStemmed: true });
    expect(r.judge.costUsd).toBe(0);
    expect(r.comparisonCostUsd).toBeGreaterThan(0);
  });

  it('re-scores when a failed call is retried and succeeds, and when a reference changes', async () => {
    const { value, core, seeded } = await setup(6, {
      output: (i, m, role) => (i === 3 && role === 'student' ? null : seedOutput(i, m, role)),
    });
    const student = seeded.students[0] as string;
    const before = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(metric(before, 'rougeL@reference').values[student]?.[3]).toBeNull();

    const db = core.ctx.db;
    db.prepare("DELETE FROM runs WHERE status = 'error'").run();
    insertRun(db, {
      experimentId: seeded.experimentId,
      paragraphId: seeded.paragraphIds[3] as string,
      modelId: student,
      role: 'student',
      repeatIndex: 0,
      status: 'ok',
      outputText: seedOutput(3, student, 'student'),
      stopReason: 'end_turn',
      inputTokens: 60,
      outputTokens: 40,
      e2eMs: 300,
      serverMs: 250,
      ttftMs: 100,
      outputTokensPerS: 50,
      costUsd: 0.00004,
      attempts: 1,
      errorClass: null,
      errorMessage: null,
      startedAt: 'now',
      finishedAt: 'now',
    });
    const after = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(metric(after, 'rougeL@reference').values[student]?.[3]).toBeGreaterThan(0);

    await value('updateParagraph', {
      id: seeded.paragraphIds[0] as string,
      text: 'Changed paragraph.',
      reference: null,
      tags: [],
    });
    const edited = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(metric(edited, 'rougeL@reference').values[seeded.teacher]?.[0]).toBeNull();
    expect(edited.paragraphs[0]?.hasReference).toBe(false);
  });

  it('says "insufficient" under five paragraphs', async () => {
    const { value, seeded } = await setup(4);
    const r = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(metric(r, 'rougeL@reference').perModel[0]?.mean).toEqual({ kind: 'insufficient', n: 4 });
  });

  it('applies a saved bar and exposes f_T and f_S for the ROI calculator', async () => {
    const { value, call, seeded } = await setup(9);
    const settings = {
      ...defaultQualitySettings(),
      seed: 7,
      failureMetric: 'rougeL@reference' as const,
      bars: { 'rougeL@reference': 0.45 },
    };
    await value('saveQualitySettings', { experimentId: seeded.experimentId, settings });
    const shares = await value('getFailureShares', { experimentId: seeded.experimentId });
    expect(shares).toMatchObject({
      metric: 'rougeL@reference',
      bar: 0.45,
      seed: 7,
      resamples: 2000,
      confidence: 0.95,
      teacherModelId: seeded.teacher,
      studentModelId: seeded.students[0],
    });
    if (shares.result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(shares.result.n).toBe(9);
    expect(shares.result.draws).toMatchObject({ paired: true });
    expect(shares.result.draws.student).toHaveLength(2000);
    const report = await value('getQualityReport', { experimentId: seeded.experimentId });
    const fs = metric(report, 'rougeL@reference').perStudent[0]?.failureShares;
    expect(fs).toMatchObject({
      kind: 'estimate',
      student: { share: shares.result.student.share },
      teacher: { share: shares.result.teacher?.share },
    });

    const vsTeacher = await value('getFailureShares', {
      experimentId: seeded.experimentId,
      metric: 'rougeL@teacher',
      bar: 0.5,
    });
    expect(vsTeacher.result).toMatchObject({ kind: 'estimate', teacher: null, difference: null });

    const bad = await call('getFailureShares', {
      experimentId: seeded.experimentId,
      studentModelId: 'not.a-student-v1:0',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('needs a judge before judging, and refuses unknown metrics in settings', async () => {
    const { call, seeded } = await setup(5);
    expect(await call('startJudge', { experimentId: seeded.experimentId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('judge model') },
    });
    const setup2 = await call('getQualitySetup', { experimentId: seeded.experimentId });
    expect(setup2).toMatchObject({
      ok: true,
      value: {
        settings: { judge: null },
        defaultJudge: { region: 'us-east-1', scorePrompt: expect.stringContaining('{{output}}') },
        judgeProgress: { status: 'idle', total: 0, done: 0 },
        lastRater: '',
      },
    });
  });
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

describe('blind rating channels', () => {
  it('labels outputs A/B, reveals them only when fully rated, and keeps ratings across a restart', async () => {
    const t = await makeTestCore();
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await t.cleanup();
    });
    const seeded = seedExperimentWithRuns(t.core.ctx.db, {
      paragraphs: 6,
      output: (i, m, role) => (i === 5 && role === 'student' ? null : seedOutput(i, m, role)),
    });
    const student = seeded.students[0] as string;
    const ids = { experimentId: seeded.experimentId, studentModelId: student };
    const session = await t.value('getRatingSession', { ...ids, rater: '' });
    expect(session.items).toHaveLength(5);
    expect(session.skipped).toBe(1);
    expect(session.items.every((i) => i.revealed === null && i.ratingA === null)).toBe(true);
    // The order is random per paragraph, but fixed: a reload shows the same one.
    const again = await t.value('getRatingSession', { ...ids, rater: '' });
    expect(again.items.map((i) => i.A)).toEqual(session.items.map((i) => i.A));

    expect(
      await t.call('rateOutput', {
        ...ids,
        paragraphId: session.items[0]?.paragraphId as string,
        label: 'A',
        rating: 4,
        rater: '  ',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    for (const item of session.items) {
      const base = { ...ids, paragraphId: item.paragraphId, rater: 'Ana' };
      // The teacher's seeded outputs mention "regional office": rate it 5, the student 2.
      const teacherLabel = item.A.includes('regional office') ? 'A' : 'B';
      const studentLabel = teacherLabel === 'A' ? 'B' : 'A';
      const a = await t.value('rateOutput', { ...base, label: teacherLabel, rating: 5 });
      expect(a.revealed).toBeNull();
      await t.value('rateOutput', { ...base, label: studentLabel, rating: 2 });
      const done = await t.value('ratePreference', { ...base, preferred: teacherLabel });
      expect(done.revealed?.[teacherLabel]).toBe('teacher');
      expect(done.revealed?.[studentLabel]).toBe('student');
      expect(done.ratedAt).not.toBeNull();
    }
    const rows = t.core.ctx.db
      .prepare("SELECT created_by AS by, created_at AS at FROM scores WHERE source = 'human'")
      .all() as { by: string; at: string }[];
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.by === 'Ana' && /^\d{4}-\d\d-\d\dT/.test(r.at))).toBe(true);

    const dir = t.dir;
    await t.core.close();
    closed = true;
    const core = await startCore({
      dataDir: dir,
      transport: 'browser-host',
      secrets: createMemorySecretStore(),
    });
    cleanups.push(() => core.close());
    const report = (await dispatch(core.ctx, 'getQualityReport', {
      experimentId: seeded.experimentId,
    })) as {
      ok: true;
      value: QualityReport;
    };
    expect(report.ok).toBe(true);
    const human = report.value.metrics.find((m) => m.key === 'human.rating');
    expect(human?.perModel).toMatchObject([
      { modelId: seeded.teacher, mean: { kind: 'estimate', n: 5, mean: 5 } },
      { modelId: student, mean: { kind: 'estimate', n: 5, mean: 2 } },
    ]);
    expect(report.value.raters).toEqual(['Ana']);
    const prefs = report.value.preferences.find((p) => p.source === 'human')?.perStudent[0];
    expect(prefs?.winRate).toMatchObject({ kind: 'estimate', n: 5, wins: 0, losses: 5 });
    const setupAfter = await dispatch(core.ctx, 'getQualitySetup', {
      experimentId: seeded.experimentId,
    });
    expect(setupAfter).toMatchObject({ ok: true, value: { lastRater: 'Ana' } });
    const resumed = await dispatch(core.ctx, 'getRatingSession', { ...ids, rater: 'Ana' });
    expect(resumed).toMatchObject({ ok: true });
    if (resumed.ok) {
      const items = (resumed.value as { items: { ratingA: number | null; revealed: unknown }[] })
        .items;
      expect(items.every((i) => i.ratingA !== null && i.revealed !== null)).toBe(true);
    }
  });

  it('a re-rating replaces the rater’s earlier one; another rater adds their own', async () => {
    const { value, core, seeded } = await setup(5);
    const student = seeded.students[0] as string;
    const base = {
      experimentId: seeded.experimentId,
      studentModelId: student,
      paragraphId: seeded.paragraphIds[0] as string,
    };
    await value('rateOutput', { ...base, label: 'A', rating: 2, rater: 'Ana' });
    const item = await value('rateOutput', { ...base, label: 'A', rating: 4, rater: 'Ana' });
    expect(item.ratingA).toBe(4);
    await value('rateOutput', { ...base, label: 'A', rating: 1, rater: 'Bo' });
    const n = core.ctx.db.prepare("SELECT count(*) AS n FROM scores WHERE source = 'human'").get();
    expect(n).toEqual({ n: 2 });
  });
});
