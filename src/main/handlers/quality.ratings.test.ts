/**
 * The blind rating channels through dispatch: outputs labelled A/B, revealed only when the whole
 * set is rated or when the rater asks early (and then recorded as such), ratings that survive a
 * restart, and a re-rating that replaces the rater's earlier one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../service/dispatch';
import { makeTestCore } from '../../../test/support/testCore';
import { seedExperimentWithRuns, seedOutput } from '../../../test/support/qualitySeed';
import { seededQualityCore as setup } from '../../../test/support/qualityCore';
import type { QualityReport } from '../../shared/quality/reportSchema';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

describe('blind rating channels', () => {
  it('labels outputs A/B, reveals them only when the whole set is rated, and keeps ratings across a restart', async () => {
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

    const teacherLabels: ('A' | 'B')[] = [];
    for (const [n, item] of session.items.entries()) {
      const base = { ...ids, paragraphId: item.paragraphId, rater: 'Ana' };
      // The teacher's seeded outputs mention "regional office": rate it 5, the student 2.
      const teacherLabel = item.A.includes('regional office') ? 'A' : 'B';
      const studentLabel = teacherLabel === 'A' ? 'B' : 'A';
      teacherLabels.push(teacherLabel);
      await t.value('rateOutput', { ...base, label: teacherLabel, rating: 5 });
      await t.value('rateOutput', { ...base, label: studentLabel, rating: 2 });
      const after = await t.value('ratePreference', { ...base, preferred: teacherLabel });
      const last = n === session.items.length - 1;
      // A paragraph fully rated stays masked while others are left: later ratings stay blind.
      expect(after.reveal === null).toBe(!last);
      expect(after.items.every((i) => (i.revealed === null) === !last)).toBe(true);
      expect(after.items[n]?.ratedAt).not.toBeNull();
    }
    const done = await t.value('getRatingSession', { ...ids, rater: 'Ana' });
    expect(done.reveal).toMatchObject({ reason: 'finished', ratedItems: 5, totalItems: 5 });
    expect(done.items.map((i, n) => i.revealed?.[teacherLabels[n] as 'A' | 'B'])).toEqual(
      Array(5).fill('teacher'),
    );
    // The reveal travels with the ratings; every one of them was made blind.
    const details = (
      t.core.ctx.db
        .prepare("SELECT details_json AS d FROM scores WHERE source = 'human'")
        .all() as { d: string }[]
    ).map((r) => JSON.parse(r.d) as { blind: boolean; revealReason: string });
    expect(details.every((d) => d.blind && d.revealReason === 'finished')).toBe(true);
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
    const after = await value('rateOutput', { ...base, label: 'A', rating: 4, rater: 'Ana' });
    expect(after.items.find((i) => i.paragraphId === base.paragraphId)?.ratingA).toBe(4);
    await value('rateOutput', { ...base, label: 'A', rating: 1, rater: 'Bo' });
    const n = core.ctx.db.prepare("SELECT count(*) AS n FROM scores WHERE source = 'human'").get();
    expect(n).toEqual({ n: 2 });
  });
});

describe('revealing a blind set early', () => {
  it('unmasks every paragraph when asked, records how far the set was rated, and marks later ratings not blind', async () => {
    const { value, core, seeded } = await setup(5);
    const ids = { experimentId: seeded.experimentId, studentModelId: seeded.students[0] as string };
    const session = await value('getRatingSession', { ...ids, rater: 'Ana' });
    const [first, second] = session.items as [(typeof session.items)[0], (typeof session.items)[0]];
    const base = { ...ids, rater: 'Ana' };
    await value('rateOutput', { ...base, paragraphId: first.paragraphId, label: 'A', rating: 3 });
    await value('rateOutput', { ...base, paragraphId: first.paragraphId, label: 'B', rating: 4 });
    const one = await value('ratePreference', {
      ...base,
      paragraphId: first.paragraphId,
      preferred: 'B',
    });
    expect(one.reveal).toBeNull();
    expect(one.items.every((i) => i.revealed === null)).toBe(true);

    const shown = await value('revealBlindRatings', base);
    expect(shown.reveal).toMatchObject({ reason: 'asked', ratedItems: 1, totalItems: 5 });
    expect(shown.items.every((i) => i.revealed !== null)).toBe(true);
    // Asking again changes nothing: the first reveal stands.
    expect((await value('revealBlindRatings', base)).reveal).toEqual(shown.reveal);
    // Another rater's set stays masked.
    const bo = await value('getRatingSession', { ...ids, rater: 'Bo' });
    expect(bo.reveal).toBeNull();
    expect(bo.items.every((i) => i.revealed === null)).toBe(true);

    await value('rateOutput', { ...base, paragraphId: second.paragraphId, label: 'A', rating: 2 });
    const rows = (
      core.ctx.db
        .prepare(
          "SELECT paragraph_id AS p, details_json AS d FROM scores WHERE source = 'human' ORDER BY created_at",
        )
        .all() as { p: string; d: string }[]
    ).map((r) => ({ p: r.p, ...(JSON.parse(r.d) as { blind: boolean; revealReason?: string }) }));
    expect(rows.filter((r) => r.p === first.paragraphId).every((r) => r.blind)).toBe(true);
    expect(rows.filter((r) => r.p === first.paragraphId).map((r) => r.revealReason)).toEqual([
      'asked',
      'asked',
      'asked',
    ]);
    expect(rows.find((r) => r.p === second.paragraphId)).toMatchObject({ blind: false });
  });
});
