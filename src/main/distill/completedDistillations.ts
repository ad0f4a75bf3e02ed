/**
 * The distilled models this app has produced, for serving and evaluating them: every job that
 * completed, with its custom model and the one-off cost it actually took.
 */
import type { Database } from 'better-sqlite3';

export interface CompletedDistillation {
  jobArn: string;
  outputModelArn: string;
  outputModelName: string;
  teacherModelId: string;
  studentModelId: string;
  region: string;
  oneOffCostUsd: number;
  /** The dataset whose prompts trained it; null for invocation logs or a training file. */
  datasetId: string | null;
}

export function completedDistillations(db: Database): CompletedDistillation[] {
  return db
    .prepare(
      `SELECT job_arn AS jobArn, output_model_arn AS outputModelArn,
         COALESCE(output_model_name, custom_model_name) AS outputModelName,
         teacher_model_id AS teacherModelId, student_model_id AS studentModelId, region,
         one_off_cost_usd AS oneOffCostUsd, dataset_id AS datasetId
       FROM distill_jobs
       WHERE phase = 'ended' AND status = 'Completed' AND output_model_arn IS NOT NULL
         AND job_arn IS NOT NULL AND one_off_cost_usd IS NOT NULL
       ORDER BY end_time DESC, created_at DESC`,
    )
    .all() as CompletedDistillation[];
}
