import type { Migration } from '../migration';

/**
 * Price overrides scoped to one scenario (issue 12): a null `scenario_id` keeps the meaning of
 * every existing override (it applies to every scenario); an override saved for one scenario
 * goes with it when the scenario is deleted.
 */
export const migration0075: Migration = {
  version: 75,
  name: 'override-scope',
  up(db) {
    db.exec(`
      ALTER TABLE price_overrides
        ADD COLUMN scenario_id TEXT REFERENCES scenarios(id) ON DELETE CASCADE;
      CREATE INDEX price_overrides_by_scenario ON price_overrides(scenario_id);
    `);
  },
};
