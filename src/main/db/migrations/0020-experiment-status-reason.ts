import type { Migration } from '../migration';

/** Why an experiment stopped (offline, budget reached, interrupted by a crash), shown beside its status. */
export const migration0020: Migration = {
  version: 20,
  name: 'experiment-status-reason',
  up(db) {
    db.exec(`
      ALTER TABLE experiments ADD COLUMN status_reason TEXT;
      CREATE INDEX runs_by_paragraph ON runs(experiment_id, paragraph_id);
    `);
  },
};
