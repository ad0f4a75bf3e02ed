import type { Migration } from '../migration';

/**
 * Price overrides (issue 5): a price the analyst enters over the built-in catalog, with its own
 * "as of" date and a note saying where it comes from. Overrides are applied in the order they
 * were made (a later one of the same field wins), so the order is kept explicitly in `seq`
 * rather than trusted to timestamps that two quick saves can share. `fields_json` holds only the
 * prices the override sets; the rest of the entry keeps its catalog figure.
 *
 * Also an index for the scenario list, which is shown most recently changed first.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'price-overrides',
  up(db) {
    db.exec(`
      CREATE TABLE price_overrides (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        model_id TEXT NOT NULL CHECK (length(trim(model_id)) > 0),
        region TEXT NOT NULL CHECK (length(trim(region)) > 0),
        fields_json TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        as_of TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX price_overrides_by_model ON price_overrides(model_id, region);
      CREATE INDEX scenarios_by_updated ON scenarios(updated_at);
    `);
  },
};
