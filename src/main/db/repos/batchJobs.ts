/**
 * Batch setups and invocation jobs. Every fact is written the moment it is known (the plan
 * before any upload, the ARN as soon as CreateModelInvocationJob answers, each polled status),
 * each in its own autocommitted statement, so that a killed process resumes from the store.
 * Texts that may quote AWS (a job's message, the collect note, the quota note) are masked on
 * the way in, whoever wrote them: a signature error quotes the session token.
 */
import type { Database } from 'better-sqlite3';
import type { BatchJobView, BatchPhase, BatchSetup } from '../../../shared/batch/batchDomain';
import { redactOrNull } from '../../log';
import { nowIso } from '../clock';

interface SetupRow {
  experiment_id: string;
  bucket: string;
  prefix: string;
  role_arn: string;
  model_ids_json: string;
  prices_json: string;
  quotas_json: string;
  records_digest: string | null;
}

export function insertBatchSetup(db: Database, experimentId: string, s: BatchSetup): void {
  db.prepare(
    `INSERT INTO batch_experiments (experiment_id, bucket, prefix, role_arn, model_ids_json, prices_json,
       quotas_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    experimentId,
    s.bucket,
    s.prefix,
    s.roleArn,
    JSON.stringify(s.modelIds),
    JSON.stringify(s.prices),
    JSON.stringify(quotasColumn(s)),
    nowIso(),
  );
}

/**
 * `quotas_json` holds the fallback quotas alone in setups stored before the account's quotas were
 * read per model, and `{fallback, modelQuotas, quotaNote}` since: one column, no migration.
 */
interface QuotasColumn {
  fallback: BatchSetup['quotas'];
  modelQuotas?: BatchSetup['modelQuotas'];
  quotaNote?: string | null;
}

const quotasColumn = (s: BatchSetup): QuotasColumn => ({
  fallback: s.quotas,
  ...(s.modelQuotas ? { modelQuotas: s.modelQuotas } : {}),
  quotaNote: redactOrNull(s.quotaNote ?? null),
});

function readQuotasColumn(json: string): Pick<BatchSetup, 'quotas' | 'modelQuotas' | 'quotaNote'> {
  const v = JSON.parse(json) as QuotasColumn | BatchSetup['quotas'];
  if (!('fallback' in v)) return { quotas: v };
  return {
    quotas: v.fallback,
    ...(v.modelQuotas ? { modelQuotas: v.modelQuotas } : {}),
    quotaNote: v.quotaNote ?? null,
  };
}

export function getBatchSetup(db: Database, experimentId: string): BatchSetup | null {
  const r = db
    .prepare('SELECT * FROM batch_experiments WHERE experiment_id = ?')
    .get(experimentId) as SetupRow | undefined;
  if (!r) return null;
  return {
    bucket: r.bucket,
    prefix: r.prefix,
    roleArn: r.role_arn,
    modelIds: JSON.parse(r.model_ids_json) as string[],
    prices: JSON.parse(r.prices_json) as BatchSetup['prices'],
    ...readQuotasColumn(r.quotas_json),
  };
}

export interface JobFile {
  key: string;
  first: number;
  count: number;
  bytes: number;
}

export interface NewBatchJob {
  id: string;
  experimentId: string;
  modelId: string;
  partIndex: number;
  firstRecord: number;
  recordCount: number;
  files: JobFile[];
  inputUri: string;
  outputUri: string;
  jobName: string;
  clientRequestToken: string;
}

export interface BatchJobRow extends Omit<BatchJobView, 'inputFiles'> {
  experimentId: string;
  firstRecord: number;
  files: JobFile[];
  jobName: string;
  clientRequestToken: string;
  /** Whether the modelId to create the job with (profileArn or the model) was chosen already. */
  profileChosen: boolean;
}

interface JobRow {
  id: string;
  experiment_id: string;
  model_id: string;
  part_index: number;
  first_record: number;
  record_count: number;
  files_json: string;
  input_uri: string;
  output_uri: string;
  job_name: string;
  client_request_token: string;
  phase: BatchPhase;
  job_arn: string | null;
  status: string | null;
  message: string | null;
  total_records: number | null;
  processed_records: number | null;
  success_records: number | null;
  error_records: number | null;
  submit_time: string | null;
  last_modified_time: string | null;
  end_time: string | null;
  polled_at: string | null;
  stored_ok: number | null;
  stored_errors: number | null;
  not_returned: number | null;
  collect_note: string | null;
  upload_note?: string | null;
  collected_at: string | null;
  profile_arn?: string | null;
}

const toJob = (r: JobRow): BatchJobRow => ({
  id: r.id,
  experimentId: r.experiment_id,
  modelId: r.model_id,
  partIndex: r.part_index,
  firstRecord: r.first_record,
  recordCount: r.record_count,
  files: JSON.parse(r.files_json) as JobFile[],
  inputUri: r.input_uri,
  outputUri: r.output_uri,
  jobName: r.job_name,
  clientRequestToken: r.client_request_token,
  phase: r.phase,
  jobArn: r.job_arn,
  // '' records the choice to name the model itself (no profile existed when it was made).
  profileArn: r.profile_arn || null,
  profileChosen: r.profile_arn !== null && r.profile_arn !== undefined,
  status: r.status,
  message: r.message,
  totalRecords: r.total_records,
  processedRecords: r.processed_records,
  successRecords: r.success_records,
  errorRecords: r.error_records,
  submitTime: r.submit_time,
  lastModifiedTime: r.last_modified_time,
  endTime: r.end_time,
  polledAt: r.polled_at,
  storedOk: r.stored_ok,
  storedErrors: r.stored_errors,
  notReturned: r.not_returned,
  collectNote: r.collect_note,
  uploadNote: r.upload_note ?? null,
  collectedAt: r.collected_at,
});

/** The whole plan in one transaction: either every job row exists, or none does. */
export function insertBatchPlan(
  db: Database,
  experimentId: string,
  setup: BatchSetup,
  jobs: NewBatchJob[],
  digest: string,
): void {
  const stmt = db.prepare(
    `INSERT INTO batch_jobs (id, experiment_id, model_id, part_index, first_record, record_count, files_json,
       input_uri, output_uri, job_name, client_request_token, phase)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned')`,
  );
  db.transaction(() => {
    insertBatchSetup(db, experimentId, setup);
    db.prepare('UPDATE batch_experiments SET records_digest = ? WHERE experiment_id = ?').run(
      digest,
      experimentId,
    );
    for (const j of jobs) {
      stmt.run(
        j.id,
        j.experimentId,
        j.modelId,
        j.partIndex,
        j.firstRecord,
        j.recordCount,
        JSON.stringify(j.files),
        j.inputUri,
        j.outputUri,
        j.jobName,
        j.clientRequestToken,
      );
    }
  })();
}

export function recordsDigest(db: Database, experimentId: string): string | null {
  const r = db
    .prepare('SELECT records_digest FROM batch_experiments WHERE experiment_id = ?')
    .get(experimentId) as { records_digest: string | null } | undefined;
  return r?.records_digest ?? null;
}

export function listBatchJobs(db: Database, experimentId: string): BatchJobRow[] {
  return (
    db
      .prepare('SELECT * FROM batch_jobs WHERE experiment_id = ? ORDER BY model_id, part_index')
      .all(experimentId) as JobRow[]
  ).map(toJob);
}

/** Experiments with a job not yet collected: what a restarted app goes on polling. */
export function experimentsWithOpenJobs(db: Database): string[] {
  return (
    db
      .prepare(
        "SELECT DISTINCT experiment_id AS id FROM batch_jobs WHERE phase NOT IN ('collected', 'failed')",
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
}

export function setJobPhase(
  db: Database,
  id: string,
  phase: BatchPhase,
  message: string | null = null,
): void {
  db.prepare('UPDATE batch_jobs SET phase = ?, message = COALESCE(?, message) WHERE id = ?').run(
    phase,
    redactOrNull(message),
    id,
  );
}

/**
 * Why the leftovers under the job's input were not cleared at its latest upload (null: they
 * were, or there were none). Its own column: `message` is Bedrock's, replaced by every poll.
 */
export function setJobUploadNote(db: Database, id: string, note: string | null): void {
  db.prepare('UPDATE batch_jobs SET upload_note = ? WHERE id = ?').run(redactOrNull(note), id);
}

/**
 * Stored before CreateModelInvocationJob, so a retry with the same token names the same id:
 * the profile's ARN, or null (stored as '') for the model itself.
 */
export function setJobProfileArn(db: Database, id: string, profileArn: string | null): void {
  db.prepare('UPDATE batch_jobs SET profile_arn = ? WHERE id = ?').run(profileArn ?? '', id);
}

export function setJobArn(db: Database, id: string, jobArn: string): void {
  db.prepare(
    "UPDATE batch_jobs SET job_arn = ?, phase = 'submitted', status = COALESCE(status, 'Submitted') WHERE id = ?",
  ).run(jobArn, id);
}

export interface PolledStatus {
  status: string | null;
  message: string | null;
  totalRecords: number | null;
  processedRecords: number | null;
  successRecords: number | null;
  errorRecords: number | null;
  submitTime: string | null;
  lastModifiedTime: string | null;
  endTime: string | null;
}

export function setJobStatus(db: Database, id: string, s: PolledStatus): void {
  db.prepare(
    `UPDATE batch_jobs SET status = ?, message = ?, total_records = ?, processed_records = ?,
       success_records = ?, error_records = ?, submit_time = ?, last_modified_time = ?, end_time = ?,
       polled_at = ? WHERE id = ?`,
  ).run(
    s.status,
    redactOrNull(s.message),
    s.totalRecords,
    s.processedRecords,
    s.successRecords,
    s.errorRecords,
    s.submitTime,
    s.lastModifiedTime,
    s.endTime,
    nowIso(),
    id,
  );
}

export function setJobCollected(
  db: Database,
  id: string,
  c: { storedOk: number; storedErrors: number; notReturned: number; note: string | null },
): void {
  db.prepare(
    `UPDATE batch_jobs SET phase = 'collected', stored_ok = ?, stored_errors = ?, not_returned = ?,
       collect_note = ?, collected_at = ? WHERE id = ?`,
  ).run(c.storedOk, c.storedErrors, c.notReturned, redactOrNull(c.note), nowIso(), id);
}
