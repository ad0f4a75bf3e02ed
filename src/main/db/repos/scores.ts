import type { Database } from 'better-sqlite3';
import type { ScoreSource } from '../../../shared/quality/metricKeys';
import type { ScoreRow } from '../../../shared/quality/scoreTable';
import { newId, nowIso } from '../clock';
import { prepared } from '../prepared';

/** Per-output quality scores (ROUGE, judge, human) in the `scores` table. */

export interface NewScore {
  experimentId: string;
  paragraphId: string;
  modelId: string;
  runId: string | null;
  source: ScoreSource;
  metric: string;
  value: number | null;
  details: Record<string, unknown>;
  createdBy: string | null;
  judgePromptId: string | null;
}

export function insertScore(db: Database, s: NewScore, createdAt = nowIso()): string {
  const id = newId();
  prepared(
    db,
    `INSERT INTO scores (id, experiment_id, paragraph_id, model_id, run_id, source, metric, value,
       details_json, created_by, created_at, judge_prompt_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    s.experimentId,
    s.paragraphId,
    s.modelId,
    s.runId,
    s.source,
    s.metric,
    s.value,
    JSON.stringify(s.details),
    s.createdBy,
    createdAt,
    s.judgePromptId,
  );
  return id;
}

export function listScoreRows(db: Database, experimentId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT paragraph_id AS paragraphId, model_id AS modelId, run_id AS runId, source, metric,
              value, created_by AS createdBy, judge_prompt_id AS promptId
       FROM scores WHERE experiment_id = ?`,
    )
    .all(experimentId) as ScoreRow[];
}

/** What a stored ROUGE value was computed from, and whether with the Porter stemmer. */
export interface RougeProvenance {
  fingerprint: string | null;
  stemmed: boolean | null;
}

/**
 * `runId|metric` → what a stored ROUGE value was computed from, for the runs of the paragraphs
 * from `fromParagraphId` to `toParagraphId` (inclusive): one page of a refresh.
 */
export function rougeProvenanceOfParagraphs(
  db: Database,
  experimentId: string,
  fromParagraphId: string,
  toParagraphId: string,
): Map<string, RougeProvenance> {
  const rows = db
    .prepare(
      `SELECT run_id AS runId, metric, json_extract(details_json, '$.fingerprint') AS fingerprint,
              json_extract(details_json, '$.stemmed') AS stemmed
       FROM scores WHERE source = 'rouge' AND run_id IN (
         SELECT id FROM runs WHERE experiment_id = ? AND paragraph_id BETWEEN ? AND ?)`,
    )
    .all(experimentId, fromParagraphId, toParagraphId) as {
    runId: string;
    metric: string;
    fingerprint: string | null;
    stemmed: number | null;
  }[];
  return new Map(
    rows.map((r) => [
      `${r.runId}|${r.metric}`,
      { fingerprint: r.fingerprint, stemmed: r.stemmed === null ? null : r.stemmed === 1 },
    ]),
  );
}

export function deleteRougeScore(db: Database, runId: string, metric: string): void {
  prepared(db, "DELETE FROM scores WHERE source = 'rouge' AND run_id = ? AND metric = ?").run(
    runId,
    metric,
  );
}

/** A rater's new value for an output replaces their previous one (one per rater and output). */
export function upsertHumanScore(db: Database, s: NewScore & { createdBy: string }): string {
  const at = nowIso();
  db.transaction(() => {
    db.prepare(
      `DELETE FROM scores WHERE source = 'human' AND experiment_id = ? AND paragraph_id = ?
         AND model_id = ? AND metric = ? AND created_by = ?`,
    ).run(s.experimentId, s.paragraphId, s.modelId, s.metric, s.createdBy);
    insertScore(db, s, at);
  })();
  return at;
}

export interface HumanScore {
  paragraphId: string;
  modelId: string;
  metric: string;
  value: number | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export function humanScoresBy(db: Database, experimentId: string, rater: string): HumanScore[] {
  return (
    db
      .prepare(
        `SELECT paragraph_id AS paragraphId, model_id AS modelId, metric, value, details_json,
                created_at AS createdAt
         FROM scores WHERE experiment_id = ? AND source = 'human' AND created_by = ?`,
      )
      .all(experimentId, rater) as (Omit<HumanScore, 'details'> & { details_json: string })[]
  ).map(({ details_json, ...rest }) => ({
    ...rest,
    details: JSON.parse(details_json) as Record<string, unknown>,
  }));
}
