import type { Database } from 'better-sqlite3';
import type { RunRecord } from '../../../shared/domain/run';
import { newId } from '../clock';

interface RunRow {
  id: string;
  experiment_id: string;
  paragraph_id: string;
  model_id: string;
  role: 'teacher' | 'student';
  repeat_index: number;
  status: 'ok' | 'error';
  output_text: string | null;
  stop_reason: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  e2e_ms: number | null;
  server_ms: number | null;
  ttft_ms: number | null;
  output_tokens_per_s: number | null;
  cost_usd: number | null;
  attempts: number;
  error_class: string | null;
  error_message: string | null;
  started_at: string;
  finished_at: string;
  service_tier?: string | null;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  experimentId: r.experiment_id,
  paragraphId: r.paragraph_id,
  modelId: r.model_id,
  role: r.role,
  repeatIndex: r.repeat_index,
  status: r.status,
  outputText: r.output_text,
  stopReason: r.stop_reason,
  inputTokens: r.input_tokens,
  outputTokens: r.output_tokens,
  e2eMs: r.e2e_ms,
  serverMs: r.server_ms,
  ttftMs: r.ttft_ms,
  outputTokensPerS: r.output_tokens_per_s,
  costUsd: r.cost_usd,
  attempts: r.attempts,
  errorClass: r.error_class,
  errorMessage: r.error_message,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  // Only when reported, so records of calls made without tiers read as before.
  ...(r.service_tier ? { serviceTier: r.service_tier } : {}),
});

/** The identity of one call: a paragraph, a model, a repeat. */
export const callKey = (paragraphId: string, modelId: string, repeatIndex: number): string =>
  `${paragraphId}\u0000${modelId}\u0000${repeatIndex}`;

/**
 * Commits one call's result on its own (autocommit, synchronous = FULL), the moment it
 * arrives. The unique key makes a second result for the same call an error, never a duplicate.
 */
export function insertRun(db: Database, r: Omit<RunRecord, 'id'>): string {
  const id = newId();
  db.prepare(
    `INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status, output_text,
       stop_reason, input_tokens, output_tokens, e2e_ms, server_ms, ttft_ms, output_tokens_per_s, cost_usd,
       attempts, error_class, error_message, started_at, finished_at, service_tier)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    r.experimentId,
    r.paragraphId,
    r.modelId,
    r.role,
    r.repeatIndex,
    r.status,
    r.outputText,
    r.stopReason,
    r.inputTokens,
    r.outputTokens,
    r.e2eMs,
    r.serverMs,
    r.ttftMs,
    r.outputTokensPerS,
    r.costUsd,
    r.attempts,
    r.errorClass,
    r.errorMessage,
    r.startedAt,
    r.finishedAt,
    r.serviceTier ?? null,
  );
  return id;
}

export function listRuns(db: Database, experimentId: string): RunRecord[] {
  return (
    db
      .prepare(
        'SELECT * FROM runs WHERE experiment_id = ? ORDER BY paragraph_id, model_id, repeat_index',
      )
      .all(experimentId) as RunRow[]
  ).map(toRun);
}

/** Keys of every call that already has a result (ok or error), so a resume calls only the rest. */
export function recordedCallKeys(db: Database, experimentId: string): Set<string> {
  const rows = db
    .prepare('SELECT paragraph_id, model_id, repeat_index FROM runs WHERE experiment_id = ?')
    .all(experimentId) as Pick<RunRow, 'paragraph_id' | 'model_id' | 'repeat_index'>[];
  return new Set(rows.map((r) => callKey(r.paragraph_id, r.model_id, r.repeat_index)));
}

/** Drops failed calls so that the next resume tries them again; successful ones stay. */
export function deleteFailedRuns(db: Database, experimentId: string): number {
  return db
    .prepare("DELETE FROM runs WHERE experiment_id = ? AND status = 'error'")
    .run(experimentId).changes;
}
