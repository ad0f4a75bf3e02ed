import type { Migration } from '../migration';

/**
 * Bill reconciliation. `bill_fetches` caches what Cost Explorer returned for a range of days (and
 * cost allocation tag), since every Cost Explorer request is billed: a reconciliation reads the
 * cache and only an explicit Refresh replaces it. `experiment_profiles` holds the application
 * inference profiles made for an experiment's models (tagged with the experiment, so the bill can
 * be grouped by that tag); the idempotency token is stored first, so a retry creates nothing twice.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'bill-reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE bill_fetches (
        cache_key TEXT PRIMARY KEY,
        from_day TEXT NOT NULL,
        to_day TEXT NOT NULL,
        tag_key TEXT,
        fetch_json TEXT NOT NULL,
        requests INTEGER NOT NULL,
        fetched_at TEXT NOT NULL
      );

      CREATE TABLE experiment_profiles (
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        region TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        tag_value TEXT NOT NULL,
        client_request_token TEXT NOT NULL UNIQUE,
        profile_arn TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (experiment_id, model_id)
      );
    `);
  },
};
