import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExperimentWithRuns } from '../../../test/support/qualitySeed';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Experiment } from '../../shared/domain/experiment';
import { openDatabase } from '../db/open';
import { getExperiment } from '../db/repos/experiments';
import { updateParagraph } from '../db/repos/paragraphs';
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
      paragraphs: 4,
      repeats: 2,
      reference: (i) => (i === 1 ? null : `Reference ${i}`),
    });
    const e = getExperiment(db, s.experimentId) as Experiment;
    // Teacher: 3 referenced paragraphs × 2 repeats; student: that plus 4 × 2 against the teacher.
    expect(refreshRougeScores(db, e)).toEqual({ scored: 6 + 6 + 8, removed: 0 });
    expect(count()).toBe(20 * 4);
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 0 });

    updateParagraph(db, s.paragraphIds[0] as string, {
      text: 'x',
      reference: 'New reference',
      tags: [],
    });
    expect(refreshRougeScores(db, e)).toEqual({ scored: 4, removed: 0 });
    updateParagraph(db, s.paragraphIds[0] as string, { text: 'x', reference: null, tags: [] });
    expect(refreshRougeScores(db, e)).toEqual({ scored: 0, removed: 4 * 4 });
    expect(count()).toBe(16 * 4);
  });

  it('never scores a failed call', () => {
    const s = seedExperimentWithRuns(db, { paragraphs: 2, output: () => null });
    expect(refreshRougeScores(db, getExperiment(db, s.experimentId) as Experiment).scored).toBe(0);
  });
});
