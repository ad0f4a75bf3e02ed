/**
 * The quality channels through dispatch (inputs and outputs checked against the contract):
 * ROUGE scored when runs land and re-scored when a reference changes, statistics with "not enough data",
 * bars and f_T/f_S for the ROI calculator, and the ROUGE stemming setting. Blind ratings:
 * quality.ratings.test.ts; the judge's estimate and lease: quality.judge.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../service/dispatch';
import { makeTestCore } from '../../../test/support/testCore';
import {
  insertOkRun,
  seedExperimentWithRuns,
  seedOutput,
  seedReference,
} from '../../../test/support/qualitySeed';
import { seededQualityCore as setup } from '../../../test/support/qualityCore';
import { scoreRouge } from '../../shared/metrics';
import { defaultQualitySettings } from '../../shared/quality/qualitySettings';
import type { QualityReport } from '../../shared/quality/reportSchema';
import { refreshRougeScores } from '../quality/rougeScoring';
import { requireExperiment } from '../common/lookups';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

const metric = (r: QualityReport, key: string) => {
  const m = r.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no ${key}`);
  return m;
};

describe('quality report channel', () => {
  it('scores ROUGE against the reference and, for students, against the teacher', async () => {
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

  it('scores a retried call that succeeds when it lands, and rescores when a reference changes', async () => {
    const { value, core, seeded } = await setup(6, {
      output: (i, m, role) => (i === 3 && role === 'student' ? null : seedOutput(i, m, role)),
    });
    const student = seeded.students[0] as string;
    const before = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(metric(before, 'rougeL@reference').values[student]?.[3]).toBeNull();

    const db = core.ctx.db;
    db.prepare("DELETE FROM runs WHERE status = 'error'").run();
    insertOkRun(db, {
      experimentId: seeded.experimentId,
      paragraphId: seeded.paragraphIds[3] as string,
      modelId: student,
      role: 'student',
      outputText: seedOutput(3, student, 'student'),
    });
    // The runner scores what lands (runner/experimentSession.ts); the report only reads.
    refreshRougeScores(db, requireExperiment(db, seeded.experimentId));
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
});

describe('ROUGE stemming setting', () => {
  // Only stemming makes "Revenues"/"Revenue" and "reaching"/"reached" match the reference.
  const studentOutput = (i: number) =>
    `Revenues grew ${i + 2} percent, reaching ${(i + 3) * 7} million dollars on northern contracts.`;
  const output = (i: number, m: string, role: 'teacher' | 'student') =>
    role === 'student' ? studentOutput(i) : seedOutput(i, m, role);

  it('scores ROUGE without the stemmer once turned off, exactly as rouge-score does, after a restart too', async () => {
    const t = await makeTestCore();
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await t.cleanup();
    });
    const seeded = seedExperimentWithRuns(t.core.ctx.db, { paragraphs: 6, output });
    const [teacher, student] = [seeded.teacher, seeded.students[0] as string];
    const id = { experimentId: seeded.experimentId };
    const expectRouge = (r: QualityReport, stem: boolean) => {
      for (let i = 0; i < 6; i++) {
        const ref = scoreRouge(seedReference(i), studentOutput(i), { stem });
        const vsTeacher = scoreRouge(seedOutput(i, teacher, 'teacher'), studentOutput(i), {
          stem,
        });
        expect(metric(r, 'rouge1@reference').values[student]?.[i]).toBe(ref.rouge1.fmeasure);
        expect(metric(r, 'rougeLsum@reference').values[student]?.[i]).toBe(ref.rougeLsum.fmeasure);
        expect(metric(r, 'rouge2@teacher').values[student]?.[i]).toBe(vsTeacher.rouge2.fmeasure);
        expect(metric(r, 'rougeL@reference').values[teacher]?.[i]).toBe(
          scoreRouge(seedReference(i), seedOutput(i, teacher, 'teacher'), { stem }).rougeL.fmeasure,
        );
      }
    };

    const stemmed = await t.value('getQualityReport', id);
    expect(stemmed.options.rougeStemmed).toBe(true);
    expectRouge(stemmed, true);

    const { settings } = await t.value('getQualitySetup', id);
    const saved = await t.value('saveQualitySettings', {
      ...id,
      settings: { ...settings, rougeStemmed: false },
    });
    expect(saved.rougeStemmed).toBe(false);
    const plain = await t.value('getQualityReport', id);
    expect(plain.options.rougeStemmed).toBe(false);
    expect(plain.settings.rougeStemmed).toBe(false);
    expectRouge(plain, false);
    // The choice matters for these outputs: the two variants differ.
    expect(metric(plain, 'rouge1@reference').values[student]).not.toEqual(
      metric(stemmed, 'rouge1@reference').values[student],
    );

    await t.core.close();
    closed = true;
    const core = await startCore({
      dataDir: t.dir,
      transport: 'browser-host',
      secrets: createMemorySecretStore(),
    });
    cleanups.push(() => core.close());
    const reopened = (await dispatch(core.ctx, 'getQualityReport', id)) as {
      ok: true;
      value: QualityReport;
    };
    expect(reopened.ok).toBe(true);
    expect(reopened.value.options.rougeStemmed).toBe(false);
    expectRouge(reopened.value, false);
    const failure = (await dispatch(core.ctx, 'getFailureShares', id)) as { ok: boolean };
    expect(failure.ok).toBe(true);
    // Every stored ROUGE value is of one variant.
    const variants = core.ctx.db
      .prepare(
        "SELECT DISTINCT json_extract(details_json, '$.stemmed') AS stemmed FROM scores WHERE source = 'rouge'",
      )
      .all();
    expect(variants).toEqual([{ stemmed: 0 }]);
  });

  it('reads settings stored before the choice existed as stemmed, keeping the rest', async () => {
    const { value, core, seeded } = await setup(5);
    core.ctx.db
      .prepare(
        'INSERT INTO quality_settings (experiment_id, settings_json, updated_at) VALUES (?, ?, ?)',
      )
      .run(
        seeded.experimentId,
        JSON.stringify({ seed: 7, bars: {}, failureMetric: 'rouge2@reference', judge: null }),
        '2025-01-01T00:00:00.000Z',
      );
    const { settings } = await value('getQualitySetup', { experimentId: seeded.experimentId });
    expect(settings).toEqual({
      seed: 7,
      bars: {},
      failureMetric: 'rouge2@reference',
      rougeStemmed: true,
      judge: null,
      // Stored before the decision settings existed too: read as their defaults.
      decision: defaultQualitySettings().decision,
    });
    const r = await value('getQualityReport', { experimentId: seeded.experimentId });
    expect(r.options.rougeStemmed).toBe(true);
  });
});
