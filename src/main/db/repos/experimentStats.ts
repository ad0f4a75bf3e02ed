import type { Database } from 'better-sqlite3';
import type { ExperimentConfig } from '../../../shared/domain/experiment';

export interface ExperimentCounts {
  total: number;
  done: number;
  failed: number;
  spentUsd: number;
  perModel: Map<
    string,
    {
      done: number;
      failed: number;
      inputTokens: number;
      outputTokens: number;
      costUsd: number;
      /**
       * Throttled attempts, retried attempts and the time they cost (0 for older rows), that
       * time in whole tenths of a millisecond (shared/metrics/lostTime.ts).
       */
      throttles: number;
      retries: number;
      lostTenths: number;
      /** Calls made in batch jobs. */
      batchCalls: number;
    }
  >;
}

/** How far an experiment got, read from its stored runs (the runner keeps live counters instead). */
export function experimentCounts(
  db: Database,
  experimentId: string,
  c: ExperimentConfig,
): ExperimentCounts {
  // The paragraphs the experiment froze when it started (a paragraph added to the dataset since
  // is not one of its calls); before it starts, the dataset's.
  const count = (sql: string, id: string) => (db.prepare(sql).get(id) as { n: number }).n;
  const frozen = count(
    'SELECT count(*) AS n FROM experiment_paragraphs WHERE experiment_id = ?',
    experimentId,
  );
  const paragraphs =
    frozen > 0
      ? frozen
      : count('SELECT count(*) AS n FROM paragraphs WHERE dataset_id = ?', c.datasetId);
  const rows = db
    .prepare(
      `SELECT model_id AS modelId, count(*) AS done, sum(status = 'error') AS failed,
              coalesce(sum(input_tokens), 0) AS inputTokens, coalesce(sum(output_tokens), 0) AS outputTokens,
              coalesce(sum(cost_usd), 0) AS costUsd, coalesce(sum(throttles), 0) AS throttles,
              coalesce(sum(max(attempts - 1, 0)), 0) AS retries, coalesce(sum(round(lost_ms * 10)), 0) AS lostTenths,
              sum(via = 'batch') AS batchCalls
       FROM runs WHERE experiment_id = ? GROUP BY model_id`,
    )
    .all(experimentId) as {
    modelId: string;
    done: number;
    failed: number;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    throttles: number;
    retries: number;
    lostTenths: number;
    batchCalls: number;
  }[];
  const perModel = new Map(rows.map((r) => [r.modelId, r]));
  return {
    total: paragraphs * (1 + c.studentModelIds.length) * c.repeats,
    done: rows.reduce((s, r) => s + r.done, 0),
    failed: rows.reduce((s, r) => s + r.failed, 0),
    spentUsd: rows.reduce((s, r) => s + r.costUsd, 0),
    perModel,
  };
}
