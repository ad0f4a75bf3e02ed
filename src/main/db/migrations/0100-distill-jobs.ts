import type { Migration } from '../migration';

/**
 * Bedrock distillation (model customization) jobs. A row is written before anything is sent:
 * the idempotency token every CreateModelCustomizationJob retry reuses (so a retry, a restart
 * or a kill never makes a second job), what the job trains on, and the estimate it was
 * launched under. Then the job ARN the moment AWS gives it, the status and sub-steps of every
 * poll, and on completion the custom model and the actual one-off cost.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'distill-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE distill_jobs (
        id TEXT PRIMARY KEY,
        job_name TEXT NOT NULL UNIQUE,
        custom_model_name TEXT NOT NULL,
        client_request_token TEXT NOT NULL UNIQUE,
        teacher_model_id TEXT NOT NULL,
        student_model_id TEXT NOT NULL,
        region TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('dataset', 'trainingFile', 'invocationLogs')),
        dataset_id TEXT REFERENCES datasets(id) ON DELETE SET NULL,
        training_uri TEXT NOT NULL,
        use_prompt_response INTEGER NOT NULL DEFAULT 0,
        output_uri TEXT NOT NULL,
        max_response_length INTEGER NOT NULL,
        prompt_count INTEGER NOT NULL,
        basis_json TEXT NOT NULL,
        estimate_json TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('planned', 'submitted', 'ended', 'refused')),
        job_arn TEXT UNIQUE,
        status TEXT,
        status_details_json TEXT,
        failure_message TEXT,
        last_error TEXT,
        output_model_arn TEXT,
        output_model_name TEXT,
        actual_json TEXT,
        one_off_cost_usd REAL,
        created_at TEXT NOT NULL,
        polled_at TEXT,
        end_time TEXT
      );
      CREATE INDEX distill_jobs_by_phase ON distill_jobs(phase);
    `);
  },
};
