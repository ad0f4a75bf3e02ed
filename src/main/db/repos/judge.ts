import type { Database } from 'better-sqlite3';
import type { JudgeSettings } from '../../../shared/quality/qualitySettings';
import type { JudgeCallRow } from '../../../shared/quality/qualityReport';
import { newId, nowIso } from '../clock';
import { redact } from '../../log';

/** The judge's prompt versions and calls (migration 0030). */

export interface JudgePrompt {
  id: string;
  experimentId: string;
  fingerprint: string;
  settings: JudgeSettings;
  createdAt: string;
}

interface PromptRow {
  id: string;
  experiment_id: string;
  fingerprint: string;
  judge_model_id: string;
  region: string;
  rubric: string;
  score_prompt: string;
  pairwise_prompt: string;
  max_tokens: number;
  input_usd_per_1k: number;
  output_usd_per_1k: number;
  price_source: string;
  created_at: string;
}

/** How a run goes (not what it asks): taken from the current settings, never from the version. */
type RunKnobs = Pick<JudgeSettings, 'concurrency' | 'answerAttempts'>;

const toPrompt = (r: PromptRow, { concurrency, answerAttempts }: RunKnobs): JudgePrompt => ({
  id: r.id,
  experimentId: r.experiment_id,
  fingerprint: r.fingerprint,
  createdAt: r.created_at,
  settings: {
    modelId: r.judge_model_id,
    region: r.region,
    rubric: r.rubric,
    scorePrompt: r.score_prompt,
    pairwisePrompt: r.pairwise_prompt,
    maxTokens: r.max_tokens,
    inputUsdPer1k: r.input_usd_per_1k,
    outputUsdPer1k: r.output_usd_per_1k,
    priceSource: r.price_source,
    concurrency,
    answerAttempts,
  },
});

/**
 * The stored prompt version for these settings, created on first use. Concurrency and answer
 * attempts are not part of a version: they change how the judge runs, not what it is asked. The price is part of
 * it because the cost of the scores is reported with them.
 */
export function ensureJudgePrompt(
  db: Database,
  experimentId: string,
  s: JudgeSettings,
  fingerprint: string,
): JudgePrompt {
  db.prepare(
    `INSERT INTO judge_prompts (id, experiment_id, fingerprint, judge_model_id, region, rubric,
       score_prompt, pairwise_prompt, max_tokens, input_usd_per_1k, output_usd_per_1k, price_source,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(experiment_id, fingerprint) DO NOTHING`,
  ).run(
    newId(),
    experimentId,
    fingerprint,
    s.modelId,
    s.region,
    s.rubric,
    s.scorePrompt,
    s.pairwisePrompt,
    s.maxTokens,
    s.inputUsdPer1k,
    s.outputUsdPer1k,
    s.priceSource,
    nowIso(),
  );
  const row = db
    .prepare('SELECT * FROM judge_prompts WHERE experiment_id = ? AND fingerprint = ?')
    .get(experimentId, fingerprint) as PromptRow;
  return toPrompt(row, s);
}

/** The stored version with this fingerprint, if the judge has ever been run with it. */
export function findJudgePromptId(
  db: Database,
  experimentId: string,
  fingerprint: string,
): string | null {
  const row = db
    .prepare('SELECT id FROM judge_prompts WHERE experiment_id = ? AND fingerprint = ?')
    .get(experimentId, fingerprint) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The prompt version whose scores the quality view shows: the one judged with most recently. */
export function latestUsedJudgePrompt(db: Database, experimentId: string): JudgePrompt | null {
  const row = db
    .prepare(
      `SELECT p.* FROM judge_prompts p
       JOIN judge_calls c ON c.prompt_id = p.id
       WHERE p.experiment_id = ?
       ORDER BY c.finished_at DESC LIMIT 1`,
    )
    .get(experimentId) as PromptRow | undefined;
  return row ? toPrompt(row, { concurrency: 1, answerAttempts: 1 }) : null;
}

export type JudgeCallKind = 'score' | 'pairwiseTeacherFirst' | 'pairwiseStudentFirst';

export interface NewJudgeCall {
  experimentId: string;
  promptId: string;
  paragraphId: string;
  runId: string;
  otherRunId: string | null;
  modelId: string;
  kind: JudgeCallKind;
  status: 'ok' | 'invalid' | 'error';
  answerText: string | null;
  answerJson: unknown;
  problem: string | null;
  errorClass: string | null;
  calls: number;
  attempts: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  startedAt: string;
  finishedAt: string;
}

export const judgeCallKey = (runId: string, kind: JudgeCallKind): string => `${runId}|${kind}`;

export function insertJudgeCall(db: Database, c: NewJudgeCall): string {
  const id = newId();
  db.prepare(
    `INSERT INTO judge_calls (id, experiment_id, prompt_id, paragraph_id, run_id, other_run_id,
       model_id, kind, status, answer_text, answer_json, problem, error_class, calls, attempts,
       input_tokens, output_tokens, cost_usd, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    c.experimentId,
    c.promptId,
    c.paragraphId,
    c.runId,
    c.otherRunId,
    c.modelId,
    c.kind,
    c.status,
    c.answerText,
    c.answerJson === null || c.answerJson === undefined ? null : JSON.stringify(c.answerJson),
    c.problem === null ? null : redact(c.problem),
    c.errorClass,
    c.calls,
    c.attempts,
    c.inputTokens,
    c.outputTokens,
    c.costUsd,
    c.startedAt,
    c.finishedAt,
  );
  return id;
}

/** What an earlier call of an item cost and how it ended, carried over when it is made again. */
export interface PriorJudgeCall {
  status: 'ok' | 'invalid' | 'error';
  calls: number;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** The recorded call of every item of a prompt version, by judgeCallKey. */
export function priorJudgeCalls(db: Database, promptId: string): Map<string, PriorJudgeCall> {
  const rows = db
    .prepare(
      `SELECT run_id AS runId, kind, status, calls, attempts, COALESCE(input_tokens, 0) AS inputTokens,
              COALESCE(output_tokens, 0) AS outputTokens, COALESCE(cost_usd, 0) AS costUsd
       FROM judge_calls WHERE prompt_id = ?`,
    )
    .all(promptId) as ({ runId: string; kind: JudgeCallKind } & PriorJudgeCall)[];
  return new Map(rows.map(({ runId, kind, ...prior }) => [judgeCallKey(runId, kind), prior]));
}

/**
 * Removes an item's earlier call just before its new one is stored (in the same transaction):
 * an errored item, or a failed one the analyst asked to retry. The new row carries the old one's
 * calls and cost, so nothing paid for drops out of the judge's cost.
 */
export function deleteJudgeCall(
  db: Database,
  promptId: string,
  runId: string,
  kind: JudgeCallKind,
): void {
  db.prepare('DELETE FROM judge_calls WHERE prompt_id = ? AND run_id = ? AND kind = ?').run(
    promptId,
    runId,
    kind,
  );
}

/** The parsed answer of one pairwise order, if that order was answered. */
export function pairwiseAnswer(
  db: Database,
  promptId: string,
  studentRunId: string,
  kind: 'pairwiseTeacherFirst' | 'pairwiseStudentFirst',
): unknown {
  const row = db
    .prepare(
      "SELECT answer_json FROM judge_calls WHERE prompt_id = ? AND run_id = ? AND kind = ? AND status = 'ok'",
    )
    .get(promptId, studentRunId, kind) as { answer_json: string | null } | undefined;
  return row?.answer_json ? (JSON.parse(row.answer_json) as unknown) : null;
}

export function listJudgeCallRows(db: Database, experimentId: string): JudgeCallRow[] {
  return db
    .prepare(
      'SELECT prompt_id AS promptId, status, cost_usd AS costUsd FROM judge_calls WHERE experiment_id = ?',
    )
    .all(experimentId) as JudgeCallRow[];
}

export interface JudgeFailure {
  paragraphId: string;
  modelId: string;
  kind: JudgeCallKind;
  status: 'invalid' | 'error';
  problem: string | null;
  answerText: string | null;
}

/** The most recent failures of a prompt version, for the analyst to read what went wrong. */
export function listJudgeFailures(db: Database, promptId: string, limit = 20): JudgeFailure[] {
  return db
    .prepare(
      `SELECT paragraph_id AS paragraphId, model_id AS modelId, kind, status, problem,
              answer_text AS answerText
       FROM judge_calls WHERE prompt_id = ? AND status != 'ok' ORDER BY finished_at DESC LIMIT ?`,
    )
    .all(promptId, limit) as JudgeFailure[];
}
