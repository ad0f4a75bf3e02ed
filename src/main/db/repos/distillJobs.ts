/**
 * Distillation jobs in the store. Each fact is written the moment it is known, in its own
 * autocommitted statement: the plan and its idempotency token before any AWS call, the phase
 * after the upload, the ARN as soon as CreateModelCustomizationJob answers, each poll. The last
 * error and AWS's failure message are masked on the way in: a signature error quotes the
 * session token.
 */
import type { Database } from 'better-sqlite3';
import type {
  DISTILL_STEPS,
  DistillBasis,
  DistillJobView,
  DistillPhase,
  SubStepStatus,
} from '../../../shared/distill/distillDomain';
import type { DistillCost } from '../../../shared/distill/distillEstimate';
import { redact, redactOrNull } from '../../log';
import { nowIso } from '../clock';

export interface NewDistillJob {
  id: string;
  jobName: string;
  customModelName: string;
  clientRequestToken: string;
  teacherModelId: string;
  studentModelId: string;
  region: string;
  roleArn: string;
  sourceKind: 'dataset' | 'trainingFile' | 'invocationLogs';
  datasetId: string | null;
  trainingUri: string;
  usePromptResponse: boolean;
  outputUri: string;
  maxResponseLength: number;
  promptCount: number;
  basis: DistillBasis;
  estimate: DistillCost;
}

interface Row {
  id: string;
  job_name: string;
  custom_model_name: string;
  client_request_token: string;
  teacher_model_id: string;
  student_model_id: string;
  region: string;
  role_arn: string;
  source_kind: 'dataset' | 'trainingFile' | 'invocationLogs';
  dataset_id: string | null;
  training_uri: string;
  use_prompt_response: number;
  output_uri: string;
  max_response_length: number;
  prompt_count: number;
  basis_json: string;
  estimate_json: string;
  phase: DistillPhase;
  job_arn: string | null;
  status: string | null;
  status_details_json: string | null;
  failure_message: string | null;
  last_error: string | null;
  output_model_arn: string | null;
  output_model_name: string | null;
  actual_json: string | null;
  one_off_cost_usd: number | null;
  created_at: string;
  end_time: string | null;
}

/** A stored job with everything the launcher and tracker need. */
export interface DistillJobRow extends NewDistillJob {
  phase: DistillPhase;
  jobArn: string | null;
  status: string | null;
  steps: Record<(typeof DISTILL_STEPS)[number], SubStepStatus>;
  failureMessage: string | null;
  lastError: string | null;
  outputModelArn: string | null;
  outputModelName: string | null;
  actual: DistillCost | null;
  oneOffCostUsd: number | null;
  createdAt: string;
  endTime: string | null;
}

const NOT_STARTED = {
  validation: 'NotStarted',
  dataProcessing: 'NotStarted',
  training: 'NotStarted',
} as const;

function fromRow(r: Row): DistillJobRow {
  return {
    id: r.id,
    jobName: r.job_name,
    customModelName: r.custom_model_name,
    clientRequestToken: r.client_request_token,
    teacherModelId: r.teacher_model_id,
    studentModelId: r.student_model_id,
    region: r.region,
    roleArn: r.role_arn,
    sourceKind: r.source_kind,
    datasetId: r.dataset_id,
    trainingUri: r.training_uri,
    usePromptResponse: r.use_prompt_response === 1,
    outputUri: r.output_uri,
    maxResponseLength: r.max_response_length,
    promptCount: r.prompt_count,
    basis: JSON.parse(r.basis_json) as DistillBasis,
    estimate: JSON.parse(r.estimate_json) as DistillCost,
    phase: r.phase,
    jobArn: r.job_arn,
    status: r.status,
    steps: r.status_details_json
      ? (JSON.parse(r.status_details_json) as DistillJobRow['steps'])
      : { ...NOT_STARTED },
    failureMessage: r.failure_message,
    lastError: r.last_error,
    outputModelArn: r.output_model_arn,
    outputModelName: r.output_model_name,
    actual: r.actual_json ? (JSON.parse(r.actual_json) as DistillCost) : null,
    oneOffCostUsd: r.one_off_cost_usd,
    createdAt: r.created_at,
    endTime: r.end_time,
  };
}

export function insertDistillJob(db: Database, j: NewDistillJob): void {
  db.prepare(
    `INSERT INTO distill_jobs (id, job_name, custom_model_name, client_request_token, teacher_model_id,
       student_model_id, region, role_arn, source_kind, dataset_id, training_uri, use_prompt_response,
       output_uri, max_response_length, prompt_count, basis_json, estimate_json, phase, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?)`,
  ).run(
    j.id,
    j.jobName,
    j.customModelName,
    j.clientRequestToken,
    j.teacherModelId,
    j.studentModelId,
    j.region,
    j.roleArn,
    j.sourceKind,
    j.datasetId,
    j.trainingUri,
    j.usePromptResponse ? 1 : 0,
    j.outputUri,
    j.maxResponseLength,
    j.promptCount,
    JSON.stringify(j.basis),
    JSON.stringify(j.estimate),
    nowIso(),
  );
}

export function getDistillJob(db: Database, id: string): DistillJobRow | null {
  const r = db.prepare('SELECT * FROM distill_jobs WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

/** A job by its id, ARN or name (what the CLI accepts). */
export function findDistillJob(db: Database, ref: string): DistillJobRow | null {
  const r = db
    .prepare('SELECT * FROM distill_jobs WHERE id = ? OR job_arn = ? OR job_name = ?')
    .get(ref, ref, ref) as Row | undefined;
  return r ? fromRow(r) : null;
}

/** Newest first. */
export function listDistillJobs(db: Database): DistillJobRow[] {
  return (db.prepare('SELECT * FROM distill_jobs ORDER BY created_at DESC, id').all() as Row[]).map(
    fromRow,
  );
}

export function openDistillJobIds(db: Database): string[] {
  return (
    db.prepare(`SELECT id FROM distill_jobs WHERE phase IN ('planned', 'submitted')`).all() as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/**
 * A stored job that holds a custom model name: one not yet ended (its training file is in use
 * at the name's key) or one that completed (the custom model exists under that name). Null when
 * the name is free to launch with.
 */
export function jobHoldingModelName(
  db: Database,
  customModelName: string,
): { jobName: string; phase: DistillPhase; status: string | null } | null {
  const r = db
    .prepare(
      `SELECT job_name AS jobName, phase, status FROM distill_jobs WHERE custom_model_name = ?
         AND (phase IN ('planned', 'submitted') OR (phase = 'ended' AND status = 'Completed'))
       ORDER BY created_at DESC LIMIT 1`,
    )
    .get(customModelName) as
    { jobName: string; phase: DistillPhase; status: string | null } | undefined;
  return r ?? null;
}

/**
 * AWS has the job. The ARN is kept even if the row was ended meanwhile (stopped from another
 * process while this one's create was in flight), so a job in AWS is never without its record.
 */
export function markDistillSubmitted(db: Database, id: string, jobArn: string): void {
  db.prepare(
    `UPDATE distill_jobs SET job_arn = COALESCE(job_arn, ?), last_error = NULL,
       status = CASE WHEN phase = 'planned' THEN COALESCE(status, 'InProgress') ELSE status END,
       phase = CASE WHEN phase = 'planned' THEN 'submitted' ELSE phase END
     WHERE id = ?`,
  ).run(jobArn, id);
}

/** AWS refused to create the job (validation, denied): nothing exists to track. */
export function markDistillRefused(db: Database, id: string, message: string): void {
  db.prepare(`UPDATE distill_jobs SET phase = 'refused', last_error = ? WHERE id = ?`).run(
    redact(message),
    id,
  );
}

/** A fault worth retrying later (offline, throttled): kept, the job stays open. */
export function noteDistillError(db: Database, id: string, message: string | null): void {
  db.prepare('UPDATE distill_jobs SET last_error = ? WHERE id = ?').run(redactOrNull(message), id);
}

export interface DistillPoll {
  status: string;
  steps: DistillJobRow['steps'];
  failureMessage: string | null;
  outputModelArn: string | null;
  outputModelName: string | null;
  endTime: string | null;
  /** Final: the job is over (Completed, Failed, Stopped). */
  ended: boolean;
  actual: DistillCost | null;
}

export function recordDistillPoll(db: Database, id: string, p: DistillPoll): void {
  db.prepare(
    `UPDATE distill_jobs SET status = ?, status_details_json = ?, failure_message = ?,
       output_model_arn = COALESCE(?, output_model_arn), output_model_name = COALESCE(?, output_model_name),
       end_time = ?, polled_at = ?, last_error = NULL,
       phase = CASE WHEN ? THEN 'ended' ELSE phase END,
       actual_json = COALESCE(?, actual_json), one_off_cost_usd = COALESCE(?, one_off_cost_usd)
     WHERE id = ?`,
  ).run(
    p.status,
    JSON.stringify(p.steps),
    redactOrNull(p.failureMessage),
    p.outputModelArn,
    p.outputModelName,
    p.endTime,
    nowIso(),
    p.ended ? 1 : 0,
    p.actual ? JSON.stringify(p.actual) : null,
    p.actual ? p.actual.oneOffCostUsd : null,
    id,
  );
}

export function distillJobView(j: DistillJobRow): DistillJobView {
  return {
    id: j.id,
    jobName: j.jobName,
    customModelName: j.customModelName,
    teacherModelId: j.teacherModelId,
    studentModelId: j.studentModelId,
    region: j.region,
    sourceKind: j.sourceKind,
    datasetId: j.datasetId,
    prompts: j.promptCount,
    phase: j.phase,
    jobArn: j.jobArn,
    status: j.status,
    steps: j.steps,
    failureMessage: j.failureMessage,
    lastError: j.lastError,
    outputModelArn: j.outputModelArn,
    outputModelName: j.outputModelName,
    estimate: j.estimate,
    actual: j.actual,
    createdAt: j.createdAt,
    endTime: j.endTime,
  };
}
