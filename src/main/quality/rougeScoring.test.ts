import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExperimentWithRuns } from '../../../test/support/qualitySeed';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Experiment } from '../../shared/domain/experiment';
import { openDatabase } from '../db/open';
import { getExperiment } from '../db/repos/experiments';
import { updateParagraph } from '../db/repos/paragraphs';
import { saveQualitySettings } from '../db/repos/qualitySettings';
import { scoreRouge, type RougeType } from '../../shared/metrics';
import { defaultQualitySettings } from '../../shared/quality/qualitySettings';
import { refreshRougeScores } from './rougeScoring';

let db: Database;
let cleanup: () => void;
beforeEach(async () => {
  const tmp = makeTempDir('distill-rouge-');
  cleanup = tmp.cleanup;
  db = (await openDatabase(`${tmp.dir}/distill-roi.sqlite`)).db;
});
afterEach(() => {
  db.close();
  cleanup();
});

const count = () =>
  (db.prepare("SELECT count(*) AS n FROM scores WHERE source = 'rouge'").get() as { n: number }).n;

describe('refreshRougeScores', () => {
  it('scores each output once per target, redoes nothing unchanged, and follows edits', () => {
    const s = seedExperimentWithRuns(db, {
      unscored: true,
      paragraphs: 4,
      repeats: 2,
      reference: (i) => (i === 1 ? null : `Reference ${i}`),
    });
    const e = getExperiment(db, s.experimentId) as Experiment;
    // Teacher: 3 referenced paragraphs × 2 repeats; student: that plus 4 × 2 against the teacher.
    expect(refreshRougeScores(db, e)).toEqual({ scored: 6 + 6 + 8, removed: 0, stemmed: true });
    expect(count()).toBe(20 * 4);
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 0, stemmed: true });

    updateParagraph(db, s.paragraphIds[0] as string, {
      text: 'x',
      reference: 'New reference',
      tags: [],
    });
    expect(refreshRougeScores(db, e)).toEqual({ scored: 4, removed: 0, stemmed: true });
    updateParagraph(db, s.paragraphIds[0] as string, { text: 'x', reference: null, tags: [] });
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 4 * 4, stemmed: true });
    expect(count()).toBe(16 * 4);
  });

  it('never scores a failed call', () => {
    const s = seedExperimentWithRuns(db, { paragraphs: 2, output: () => null });
    expect(refreshRougeScores(db, getExperiment(db, s.experimentId) as Experiment).scored).toBe(0);
  });

  it('rescores every value when stemming is switched, so the two variants never mix', () => {
    // Plurals and -ing forms that only match once stemmed: the two variants differ.
    const s = seedExperimentWithRuns(db, {
      unscored: true,
      paragraphs: 3,
      reference: (i) => `Contracts signed ${i}: revenues growing in the northern regions.`,
    });
    const e = getExperiment(db, s.experimentId) as Experiment;
    const stored = () =>
      db
        .prepare(
          `SELECT s.metric, s.value, r.output_text AS output, p.reference,
                  json_extract(s.details_json, '$.stemmed') AS stemmed
           FROM scores s JOIN runs r ON r.id = s.run_id JOIN paragraphs p ON p.id = s.paragraph_id
           WHERE s.source = 'rouge' AND s.metric LIKE '%@reference' ORDER BY s.run_id, s.metric`,
        )
        .all() as {
        metric: string;
        value: number;
        output: string;
        stemmed: number;
        reference: string;
      }[];
    const expected = (stem: boolean) =>
      stored().map((r) => {
        const type = r.metric.split('@')[0] as RougeType;
        return scoreRouge(r.reference, r.output, { stem })[type].fmeasure;
      });

    expect(refreshRougeScores(db, e)).toMatchObject({ scored: 3 + 3 + 3, stemmed: true });
    const stemmedValues = stored().map((r) => r.value);
    expect(stemmedValues).toEqual(expected(true));

    saveQualitySettings(db, e.id, { ...defaultQualitySettings(), rougeStemmed: false });
    expect(refreshRougeScores(db, e)).toEqual({ scored: 9, removed: 0, stemmed: false });
    const rows = stored();
    expect(rows.every((r) => r.stemmed === 0)).toBe(true);
    expect(rows.map((r) => r.value)).toEqual(expected(false));
    expect(rows.map((r) => r.value)).not.toEqual(stemmedValues);
    expect(count()).toBe(9 * 4);
    expect(refreshRougeScores(db, e).scored).toBe(0);

    saveQualitySettings(db, e.id, defaultQualitySettings());
    expect(refreshRougeScores(db, e)).toEqual({ scored: 9, removed: 0, stemmed: true });
    expect(stored().map((r) => r.value)).toEqual(stemmedValues);
  });

  it('pages through a large experiment: every student meets its teacher, nothing is scored twice', () => {
    // 1,234 paragraphs: pages of 500 break inside the experiment, twice.
    const n = 1_234;
    const s = seedExperimentWithRuns(db, {
      unscored: true,
      paragraphs: n,
      reference: (i) => (i % 3 === 0 ? null : `Reference ${i}: revenue grew in the region.`),
    });
    const e = getExperiment(db, s.experimentId) as Experiment;
    const referenced = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0).length;
    // Teacher and student against the reference where there is one; every student against its teacher.
    expect(refreshRougeScores(db, e)).toEqual({
      scored: 2 * referenced + n,
      removed: 0,
      stemmed: true,
    });
    const teacherTargets = db
      .prepare(
        `SELECT s.value, t.output_text AS teacher, r.output_text AS student FROM scores s
         JOIN runs r ON r.id = s.run_id
         JOIN runs t ON t.experiment_id = r.experiment_id AND t.paragraph_id = r.paragraph_id
                    AND t.role = 'teacher' AND t.repeat_index = r.repeat_index
         WHERE s.source = 'rouge' AND s.metric = 'rougeL@teacher'`,
      )
      .all() as { value: number; teacher: string; student: string }[];
    expect(teacherTargets).toHaveLength(n);
    for (const t of teacherTargets) {
      expect(t.value).toBe(scoreRouge(t.teacher, t.student, { stem: true }).rougeL.fmeasure);
    }
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 0, stemmed: true });

    // A student output that failed since loses its values, in whichever page it sits.
    const last = s.paragraphIds[n - 2] as string; // referenced: two targets
    db.prepare(
      "UPDATE runs SET status = 'error', output_text = NULL WHERE paragraph_id = ? AND role = 'student'",
    ).run(last);
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 2 * 4, stemmed: true });
    expect(count()).toBe((2 * referenced + n - 2) * 4);
  });
});
