import type { Migration } from '../migration';

/**
 * Servings of custom (distilled) models: one row per Provisioned Throughput or on-demand
 * custom-model deployment the app buys, written with its idempotency token before the create is
 * sent, so a retry or a restart re-sends the same token and AWS answers the same resource
 * instead of making (and billing) a second one. The ARN, AWS's status and the moments hourly
 * billing starts and stops are stored as they are learned; a row is never removed, so what a
 * serving cost stays answerable after it is deleted.
 */
export const migration0101: Migration = {
  version: 101,
  name: 'custom-model-servings',
  up(db) {
    db.exec(`
      CREATE TABLE servings (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('provisioned', 'customModelOnDemand')),
        region TEXT NOT NULL,
        custom_model_arn TEXT NOT NULL,
        custom_model_name TEXT NOT NULL,
        base_model_id TEXT,
        teacher_model_id TEXT,
        name TEXT NOT NULL,
        client_token TEXT NOT NULL UNIQUE,
        arn TEXT UNIQUE,
        phase TEXT NOT NULL CHECK (phase IN
          ('requested', 'creating', 'inService', 'failed', 'stuck', 'refused', 'deleted')),
        aws_status TEXT,
        message TEXT,
        model_units INTEGER CHECK (model_units IS NULL OR model_units >= 1),
        term TEXT CHECK (term IS NULL OR term IN ('noCommitment', 'oneMonth', 'sixMonths')),
        usd_per_hour_per_unit REAL,
        input_usd_per_1k REAL,
        output_usd_per_1k REAL,
        one_off_cost_usd REAL,
        dataset_id TEXT,
        experiment_id TEXT REFERENCES experiments(id) ON DELETE SET NULL,
        scenario_id TEXT REFERENCES scenarios(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        accepted_at TEXT,
        in_service_at TEXT,
        deleted_at TEXT
      );
      CREATE INDEX servings_by_phase ON servings(phase);
    `);
  },
};
