import type { Database } from 'better-sqlite3';
import type { BlindReveal } from '../../../shared/quality/ratings';
import { nowIso } from '../clock';

/** A rater's unmasked blind sets (migration 0071). */

export function findBlindReveal(
  db: Database,
  experimentId: string,
  studentModelId: string,
  rater: string,
): BlindReveal | null {
  const row = db
    .prepare(
      `SELECT reason, rated_items AS ratedItems, total_items AS totalItems, revealed_at AS revealedAt
       FROM blind_reveals WHERE experiment_id = ? AND student_model_id = ? AND rater = ?`,
    )
    .get(experimentId, studentModelId, rater) as BlindReveal | undefined;
  return row ?? null;
}

/**
 * Records the reveal once (the first one stands: a set is unmasked only once), and stamps it on
 * the rater's ratings of the set so that it travels with them (exports, bundles).
 */
export function recordBlindReveal(
  db: Database,
  experimentId: string,
  studentModelId: string,
  teacherModelId: string,
  rater: string,
  r: Omit<BlindReveal, 'revealedAt'>,
): BlindReveal {
  const revealedAt = nowIso();
  db.transaction(() => {
    const added = db
      .prepare(
        `INSERT INTO blind_reveals (experiment_id, student_model_id, rater, reason, rated_items,
           total_items, revealed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(experimentId, studentModelId, rater, r.reason, r.ratedItems, r.totalItems, revealedAt);
    if (added.changes === 0) return;
    db.prepare(
      `UPDATE scores SET details_json = json_set(details_json, '$.revealedAt', ?, '$.revealReason', ?)
       WHERE experiment_id = ? AND source = 'human' AND created_by = ? AND model_id IN (?, ?)`,
    ).run(revealedAt, r.reason, experimentId, rater, studentModelId, teacherModelId);
  })();
  return findBlindReveal(db, experimentId, studentModelId, rater) as BlindReveal;
}
