import type { Database } from 'better-sqlite3';
import type { BundlePayload } from '../../shared/export/bundleSchema';
import { redactNullable } from '../../shared/security/redactSecrets';

/**
 * Whole rows of the quality tables for a bundle: the repositories read what the views need
 * (values, not ids or details), a bundle needs every column to rebuild the same figures.
 */

type Prompt = BundlePayload['judgePrompts'][number];
type Call = BundlePayload['judgeCalls'][number];
type Score = BundlePayload['scores'][number];

interface PromptRow {
  id: string;
  fingerprint: string;
  created_at: string;
  judge_model_id: string;
  region: string;
  input_usd_per_1k: number;
  output_usd_per_1k: number;
  price_source: string;
  rubric: string;
  score_prompt: string;
  pairwise_prompt: string;
  max_tokens: number;
}

interface CallRow {
  id: string;
  prompt_id: string;
  paragraph_id: string;
  run_id: string;
  other_run_id: string | null;
  model_id: string;
  kind: Call['kind'];
  status: Call['status'];
  answer_text: string | null;
  answer_json: string | null;
  problem: string | null;
  error_class: string | null;
  calls: number;
  attempts: number;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  started_at: string;
  finished_at: string;
}

interface ScoreRow {
  id: string;
  paragraph_id: string;
  model_id: string;
  run_id: string | null;
  source: Score['source'];
  metric: string;
  value: number | null;
  details_json: string;
  created_by: string | null;
  created_at: string;
  judge_prompt_id: string | null;
}

export function listBundleJudgePrompts(db: Database, experimentId: string): Prompt[] {
  const rows = db
    .prepare('SELECT * FROM judge_prompts WHERE experiment_id = ? ORDER BY created_at, id')
    .all(experimentId) as PromptRow[];
  return rows.map((r) => ({
    id: r.id,
    fingerprint: r.fingerprint,
    createdAt: r.created_at,
    settings: {
      modelId: r.judge_model_id,
      region: r.region,
      inputUsdPer1k: r.input_usd_per_1k,
      outputUsdPer1k: r.output_usd_per_1k,
      priceSource: r.price_source,
      rubric: r.rubric,
      scorePrompt: r.score_prompt,
      pairwisePrompt: r.pairwise_prompt,
      maxTokens: r.max_tokens,
      // Not part of a prompt version (they are how it runs, not what it asks): the defaults.
      concurrency: 4,
      answerAttempts: 1,
    },
  }));
}

export function listBundleJudgeCalls(db: Database, experimentId: string): Call[] {
  const rows = db
    .prepare('SELECT * FROM judge_calls WHERE experiment_id = ? ORDER BY finished_at, id')
    .all(experimentId) as CallRow[];
  return rows.map((r) => ({
    id: r.id,
    promptId: r.prompt_id,
    paragraphId: r.paragraph_id,
    runId: r.run_id,
    otherRunId: r.other_run_id,
    modelId: r.model_id,
    kind: r.kind,
    status: r.status,
    answerText: r.answer_text,
    answerJson: r.answer_json === null ? null : (JSON.parse(r.answer_json) as unknown),
    problem: redactNullable(r.problem),
    errorClass: r.error_class,
    calls: r.calls,
    attempts: r.attempts,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    costUsd: r.cost_usd,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

export function listBundleScores(db: Database, experimentId: string): Score[] {
  const rows = db
    .prepare('SELECT * FROM scores WHERE experiment_id = ? ORDER BY created_at, id')
    .all(experimentId) as ScoreRow[];
  return rows.map((r) => ({
    id: r.id,
    paragraphId: r.paragraph_id,
    modelId: r.model_id,
    runId: r.run_id,
    source: r.source,
    metric: r.metric,
    value: r.value,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    createdBy: r.created_by,
    createdAt: r.created_at,
    judgePromptId: r.judge_prompt_id,
  }));
}
