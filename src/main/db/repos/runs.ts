import type { Database, Statement } from 'better-sqlite3';
import { CallAttemptSchema, type CallAttempt, type RunRecord } from '../../../shared/domain/run';
import type { RunSample } from '../../../shared/metrics/runSummary';
import { newId, newOrderedId } from '../clock';
import { prepared } from '../prepared';
import { redact } from '../../log';

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
  attempts_json: string | null;
  throttles: number | null;
  lost_ms: number | null;
  via: 'on-demand' | 'batch';
  profile_arn?: string | null;
}

/** The stored attempt list, or null when absent or unreadable (a hand-edited file). */
function attemptLogOf(json: string | null): CallAttempt[] | null {
  if (json === null) return null;
  try {
    const parsed = CallAttemptSchema.array().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
  attemptLog: attemptLogOf(r.attempts_json),
  throttles: r.throttles,
  lostMs: r.lost_ms,
  via: r.via,
  ...(r.profile_arn ? { profileArn: r.profile_arn } : {}),
  // Only when reported, so records of calls made without tiers read as before.
  ...(r.service_tier ? { serviceTier: r.service_tier } : {}),
});

/** The identity of one call: a paragraph, a model, a repeat. */
export const callKey = (paragraphId: string, modelId: string, repeatIndex: number): string =>
  `${paragraphId}\u0000${modelId}\u0000${repeatIndex}`;

const INSERT_COLUMNS = `id, experiment_id, paragraph_id, model_id, role, repeat_index, status, output_text,
   stop_reason, input_tokens, output_tokens, e2e_ms, server_ms, ttft_ms, output_tokens_per_s, cost_usd,
   attempts, error_class, error_message, started_at, finished_at, attempts_json, throttles, lost_ms,
   via, service_tier, profile_arn`;

/** The runner inserts one row per call: prepared once per connection. */
function insertStatement(db: Database): Statement {
  const count = INSERT_COLUMNS.split(',').length;
  return prepared(
    db,
    `INSERT INTO runs (${INSERT_COLUMNS}) VALUES (${Array.from({ length: count }, () => '?').join(', ')})`,
  );
}

/**
 * Commits one call's result on its own (autocommit, WAL; see open.ts), the moment it
 * arrives. The unique key makes a second result for the same call an error, never a duplicate.
 */
export function insertRun(db: Database, r: Omit<RunRecord, 'id'>): string {
  const id = newId();
  insertStatement(db).run(
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
    // The one place a call's error text is stored: AWS messages can quote the signed request.
    r.errorMessage === null ? null : redact(r.errorMessage),
    r.startedAt,
    r.finishedAt,
    r.attemptLog ? JSON.stringify(r.attemptLog) : null,
    r.throttles ?? null,
    r.lostMs ?? null,
    r.via ?? 'on-demand',
    // Only when the response reported one; NULL reads back as no tier.
    r.serviceTier ?? null,
    r.profileArn ?? null,
  );
  return id;
}

/** A batch call's result: no latency fields, since a batch record has no latency of its own. */
export type BatchRunInput = Omit<
  RunRecord,
  'id' | 'e2eMs' | 'serverMs' | 'ttftMs' | 'outputTokensPerS' | 'via' | 'attempts'
>;

/**
 * Stores batch results in one transaction. A call that already has a result (collected before a
 * crash, or made on demand since) is left as it is: collecting the same output twice never
 * stores a call twice. Returns how many were new.
 */
export function insertBatchRuns(db: Database, rows: readonly BatchRunInput[]): number {
  const stmt = db.prepare(
    `INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status, output_text,
       stop_reason, input_tokens, output_tokens, cost_usd, attempts, error_class, error_message,
       started_at, finished_at, via, profile_arn)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 'batch', ?)
     ON CONFLICT (experiment_id, paragraph_id, model_id, repeat_index) DO NOTHING`,
  );
  // In key order, so the unique index grows in runs of neighbours rather than at random.
  const sorted = [...rows].sort((a, b) =>
    a.paragraphId < b.paragraphId ? -1 : a.paragraphId > b.paragraphId ? 1 : 0,
  );
  return db.transaction(() => {
    let added = 0;
    for (const r of sorted) {
      added += stmt.run(
        newOrderedId(),
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
        r.costUsd,
        r.errorClass,
        r.errorMessage === null ? null : redact(r.errorMessage),
        r.startedAt,
        r.finishedAt,
        r.profileArn ?? null,
      ).changes;
    }
    return added;
  })();
}

/** Per job-model counts of stored batch calls, to reconcile with a job's manifest. */
export function countRunsByStatus(
  db: Database,
  experimentId: string,
  modelId: string,
): { ok: number; error: number } {
  const rows = db
    .prepare(
      'SELECT status, COUNT(*) AS n FROM runs WHERE experiment_id = ? AND model_id = ? GROUP BY status',
    )
    .all(experimentId, modelId) as { status: 'ok' | 'error'; n: number }[];
  return {
    ok: rows.find((r) => r.status === 'ok')?.n ?? 0,
    error: rows.find((r) => r.status === 'error')?.n ?? 0,
  };
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

/** What ROUGE scoring reads of a run: who made it, and its output when it succeeded. */
export interface RunOutput {
  id: string;
  paragraphId: string;
  modelId: string;
  role: 'teacher' | 'student';
  repeatIndex: number;
  /** Null for a failed call. */
  outputText: string | null;
}

/**
 * The ids of an experiment's paragraphs that have runs, in id order, `limit` after `afterId`:
 * a page of a pass over a large experiment (keyset paging on the table's unique key, which
 * starts with experiment_id, paragraph_id).
 */
export function runParagraphIdsAfter(
  db: Database,
  experimentId: string,
  afterId: string,
  limit: number,
): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT paragraph_id AS id FROM runs
         WHERE experiment_id = ? AND paragraph_id > ? ORDER BY paragraph_id LIMIT ?`,
      )
      .all(experimentId, afterId, limit) as { id: string }[]
  ).map((r) => r.id);
}

/** Every run of the paragraphs from `fromId` to `toId` (inclusive), outputs of failures as null. */
export function runOutputsOfParagraphs(
  db: Database,
  experimentId: string,
  fromId: string,
  toId: string,
): RunOutput[] {
  return db
    .prepare(
      `SELECT id, paragraph_id AS paragraphId, model_id AS modelId, role,
              repeat_index AS repeatIndex,
              CASE WHEN status = 'ok' THEN output_text END AS outputText
       FROM runs WHERE experiment_id = ? AND paragraph_id BETWEEN ? AND ?
       ORDER BY paragraph_id, model_id, repeat_index`,
    )
    .all(experimentId, fromId, toId) as RunOutput[];
}

/**
 * What per-model summaries read (shared/metrics/runSummary.ts), without outputs or attempt logs:
 * a summary of a large run holds numbers, not every answer it produced.
 */
export function listRunSamples(db: Database, experimentId: string): RunSample[] {
  return db
    .prepare(
      `SELECT model_id AS modelId, status, input_tokens AS inputTokens, output_tokens AS outputTokens,
              e2e_ms AS e2eMs, server_ms AS serverMs, ttft_ms AS ttftMs, cost_usd AS costUsd,
              attempts, throttles, lost_ms AS lostMs, via
       FROM runs WHERE experiment_id = ? ORDER BY paragraph_id, model_id, repeat_index`,
    )
    .all(experimentId) as RunSample[];
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

/** Stored calls of an experiment, and how many were sent through a tagged inference profile. */
export function countProfileCalls(
  db: Database,
  experimentId: string,
): { stored: number; throughProfile: number } {
  return db
    .prepare(
      `SELECT COUNT(*) AS stored, COUNT(profile_arn) AS throughProfile
         FROM runs WHERE experiment_id = ?`,
    )
    .get(experimentId) as { stored: number; throughProfile: number };
}
