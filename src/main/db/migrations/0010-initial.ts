import type { Migration } from '../migration';

/**
 * The first schema: everything the editor, the runner, scoring and the ROI calculator need.
 * JSON columns hold small structured values (tags, inference parameters, the price snapshot)
 * that are always read whole; anything queried or aggregated has its own column.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE paragraphs (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        reference TEXT,
        tags_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX paragraphs_by_dataset ON paragraphs(dataset_id, position);

      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE RESTRICT,
        teacher_model_id TEXT NOT NULL,
        student_model_ids_json TEXT NOT NULL,
        region TEXT NOT NULL,
        prompt_template TEXT NOT NULL,
        system_prompt TEXT,
        inference_json TEXT NOT NULL,
        repeats INTEGER NOT NULL CHECK (repeats >= 1),
        concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
        budget_usd REAL,
        prices_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        paragraph_id TEXT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
        repeat_index INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
        output_text TEXT,
        stop_reason TEXT,
        input_tokens INTEGER,
        output_tokens INTEGER,
        e2e_ms REAL,
        server_ms REAL,
        ttft_ms REAL,
        output_tokens_per_s REAL,
        cost_usd REAL,
        attempts INTEGER NOT NULL DEFAULT 1,
        error_class TEXT,
        error_message TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        UNIQUE (experiment_id, paragraph_id, model_id, repeat_index)
      );
      CREATE INDEX runs_by_experiment ON runs(experiment_id, model_id);

      CREATE TABLE scores (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        paragraph_id TEXT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        run_id TEXT REFERENCES runs(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('rouge', 'judge', 'human')),
        metric TEXT NOT NULL,
        value REAL,
        details_json TEXT NOT NULL DEFAULT '{}',
        created_by TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX scores_by_experiment ON scores(experiment_id, source, metric);

      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        experiment_id TEXT REFERENCES experiments(id) ON DELETE SET NULL,
        inputs_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );
    `);
  },
};
