import type { Migration } from '../migration';

/**
 * When a rater's blind set (one student against the teacher) was unmasked, and why: the set was
 * finished, or the rater asked before finishing. Until then no rating of the set shows which
 * model wrote which output, so later ratings stay blind (issue 11). Ratings made after the
 * reveal are marked not blind in their own details.
 */
export const migration0071: Migration = {
  version: 71,
  name: 'blind-reveals',
  up(db) {
    db.exec(`
      CREATE TABLE blind_reveals (
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        student_model_id TEXT NOT NULL,
        rater TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('finished', 'asked')),
        rated_items INTEGER NOT NULL,
        total_items INTEGER NOT NULL,
        revealed_at TEXT NOT NULL,
        PRIMARY KEY (experiment_id, student_model_id, rater)
      );
    `);
  },
};
