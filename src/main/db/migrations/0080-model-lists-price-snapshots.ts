import type { Migration } from '../migration';

/**
 * Models and prices read from AWS. `model_lists` keeps the last control-plane answer per region
 * (ListFoundationModels + ListInferenceProfiles) with when it was fetched, so the app works
 * offline on the last list it saw. `price_snapshots` keeps every Price List snapshot per region
 * (never overwritten: an analyst can see what changed and which prices an old scenario used),
 * with the offer files' publication date and what the refresh could not read.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'model-lists-price-snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE model_lists (
        region TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        list_json TEXT NOT NULL
      );
      CREATE TABLE price_snapshots (
        id INTEGER PRIMARY KEY,
        region TEXT NOT NULL,
        publication_date TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        source TEXT NOT NULL,
        offers_json TEXT NOT NULL,
        rows_json TEXT NOT NULL,
        problems_json TEXT NOT NULL
      );
      CREATE INDEX price_snapshots_region ON price_snapshots (region, id);
    `);
  },
};
