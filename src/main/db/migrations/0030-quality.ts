import type { Migration } from '../migration';

/**
 * Quality scoring (issue 4): per-experiment quality settings, the judge's prompt versions and
 * calls, and the indexes that keep one score per output in `scores`.
 *
 * - `quality_settings`: bars per metric, the bootstrap seed, the judge the analyst picked.
 * - `judge_prompts`: the exact rubric, prompts, model and price a judge run used, kept so that
 *   every judge score points at what produced it even after the analyst edits the prompt.
 * - `judge_calls`: one row per judged output (or pairwise order), committed as it arrives: the
 *   raw answer, tokens and cost (counted apart from the experiment's own cost), and whether the
 *   answer was usable ('ok'), unusable twice ('invalid', a judge failure) or never came ('error').
 *   Its unique key is what lets a judge run resume without paying twice.
 * - `scores.judge_prompt_id`: which prompt version a judge score came from.
 * - Partial unique indexes: one ROUGE value per output and metric, one judge value per output,
 *   metric and prompt, one human value per output, metric and rater (a re-rating replaces).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'quality',
  up(db) {
    db.exec(`
      CREATE TABLE quality_settings (
        experiment_id TEXT PRIMARY KEY REFERENCES experiments(id) ON DELETE CASCADE,
        settings_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE judge_prompts (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        judge_model_id TEXT NOT NULL,
        region TEXT NOT NULL,
        rubric TEXT NOT NULL,
        score_prompt TEXT NOT NULL,
        pairwise_prompt TEXT NOT NULL,
        max_tokens INTEGER NOT NULL,
        input_usd_per_1k REAL NOT NULL,
        output_usd_per_1k REAL NOT NULL,
        price_source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (experiment_id, fingerprint)
      );

      CREATE TABLE judge_calls (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        prompt_id TEXT NOT NULL REFERENCES judge_prompts(id) ON DELETE CASCADE,
        paragraph_id TEXT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        other_run_id TEXT REFERENCES runs(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('score', 'pairwiseTeacherFirst', 'pairwiseStudentFirst')),
        status TEXT NOT NULL CHECK (status IN ('ok', 'invalid', 'error')),
        answer_text TEXT,
        answer_json TEXT,
        problem TEXT,
        error_class TEXT,
        calls INTEGER NOT NULL CHECK (calls >= 0),
        attempts INTEGER NOT NULL CHECK (attempts >= 0),
        input_tokens INTEGER,
        output_tokens INTEGER,
        cost_usd REAL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        UNIQUE (prompt_id, run_id, kind)
      );
      CREATE INDEX judge_calls_by_experiment ON judge_calls(experiment_id, prompt_id);

      ALTER TABLE scores ADD COLUMN judge_prompt_id TEXT REFERENCES judge_prompts(id) ON DELETE CASCADE;
      CREATE UNIQUE INDEX scores_one_rouge ON scores(run_id, metric) WHERE source = 'rouge';
      CREATE UNIQUE INDEX scores_one_judge ON scores(run_id, metric, judge_prompt_id)
        WHERE source = 'judge';
      CREATE UNIQUE INDEX scores_one_human ON scores(experiment_id, paragraph_id, model_id, metric, created_by)
        WHERE source = 'human';
    `);
  },
};
