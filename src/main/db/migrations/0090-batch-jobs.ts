import type { Migration } from '../migration';

/**
 * Bedrock batch inference. `batch_experiments` holds how an experiment is sent to batch (the S3
 * location, the service role, the batch prices frozen at setup, the quotas it was planned
 * under). `batch_jobs` holds one row per invocation job, written before anything is uploaded:
 * its slice of the experiment's records, its input files, the idempotency token every create
 * retry reuses, then the job ARN, status and counts the moment AWS gives them, and finally what
 * collection recovered. A process killed in any phase finds here exactly where to pick up.
 * `runs.via` tells batch calls (which have no latency) from on-demand ones.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'batch-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE batch_experiments (
        experiment_id TEXT PRIMARY KEY REFERENCES experiments(id) ON DELETE CASCADE,
        bucket TEXT NOT NULL,
        prefix TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        model_ids_json TEXT NOT NULL,
        prices_json TEXT NOT NULL,
        quotas_json TEXT NOT NULL,
        records_digest TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE batch_jobs (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        part_index INTEGER NOT NULL,
        first_record INTEGER NOT NULL,
        record_count INTEGER NOT NULL CHECK (record_count >= 1),
        files_json TEXT NOT NULL,
        input_uri TEXT NOT NULL,
        output_uri TEXT NOT NULL,
        job_name TEXT NOT NULL,
        client_request_token TEXT NOT NULL UNIQUE,
        phase TEXT NOT NULL CHECK (phase IN ('planned', 'uploaded', 'submitted', 'collected', 'failed')),
        job_arn TEXT,
        status TEXT,
        message TEXT,
        total_records INTEGER,
        processed_records INTEGER,
        success_records INTEGER,
        error_records INTEGER,
        submit_time TEXT,
        last_modified_time TEXT,
        end_time TEXT,
        polled_at TEXT,
        stored_ok INTEGER,
        stored_errors INTEGER,
        not_returned INTEGER,
        collect_note TEXT,
        collected_at TEXT,
        UNIQUE (experiment_id, model_id, part_index)
      );
      CREATE INDEX batch_jobs_by_experiment ON batch_jobs(experiment_id, phase);

      ALTER TABLE runs ADD COLUMN via TEXT NOT NULL DEFAULT 'on-demand'
        CHECK (via IN ('on-demand', 'batch'));
    `);
  },
};
