import type { Migration } from '../migration';

/**
 * Drops `runs_by_paragraph` (experiment_id, paragraph_id): the table's own unique key
 * (experiment_id, paragraph_id, model_id, repeat_index) starts with the same two columns, so every
 * query the index served is served by that one, while each stored call paid for both. Without it
 * a batch collection stores 100,000 results at 24,800-28,700 a second instead of 19,400-20,900
 * (npm run bench, the batch part, two runs each on one machine).
 */
export const migration0114: Migration = {
  version: 114,
  name: 'drop-runs-by-paragraph',
  up(db) {
    db.exec('DROP INDEX IF EXISTS runs_by_paragraph;');
  },
};
