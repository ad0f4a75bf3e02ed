/**
 * Servings of custom models. Each fact is written the moment it is known, in its own
 * autocommitted statement: the row with its idempotency token before the create is sent, the
 * ARN as soon as AWS answers, each polled status, the deletion. A restarted app resumes from here.
 * The message (which may quote AWS's failure text) is masked on the way in.
 */
import type { Database } from 'better-sqlite3';
import type { Serving, ServingPhase } from '../../../shared/serving/servingDomain';
import { redactOrNull } from '../../log';
import { newId, nowIso } from '../clock';

interface Row {
  id: string;
  kind: Serving['kind'];
  region: string;
  custom_model_arn: string;
  custom_model_name: string;
  base_model_id: string | null;
  teacher_model_id: string | null;
  name: string;
  client_token: string;
  arn: string | null;
  phase: ServingPhase;
  aws_status: string | null;
  message: string | null;
  model_units: number | null;
  term: Serving['term'];
  usd_per_hour_per_unit: number | null;
  input_usd_per_1k: number | null;
  output_usd_per_1k: number | null;
  one_off_cost_usd: number | null;
  dataset_id: string | null;
  experiment_id: string | null;
  scenario_id: string | null;
  created_at: string;
  accepted_at: string | null;
  in_service_at: string | null;
  deleted_at: string | null;
}

const fromRow = (r: Row): Serving => ({
  id: r.id,
  kind: r.kind,
  region: r.region,
  customModelArn: r.custom_model_arn,
  customModelName: r.custom_model_name,
  baseModelId: r.base_model_id,
  teacherModelId: r.teacher_model_id,
  name: r.name,
  clientToken: r.client_token,
  arn: r.arn,
  phase: r.phase,
  awsStatus: r.aws_status,
  message: r.message,
  modelUnits: r.model_units,
  term: r.term,
  usdPerHourPerUnit: r.usd_per_hour_per_unit,
  inputUsdPer1k: r.input_usd_per_1k,
  outputUsdPer1k: r.output_usd_per_1k,
  oneOffCostUsd: r.one_off_cost_usd,
  datasetId: r.dataset_id,
  experimentId: r.experiment_id,
  scenarioId: r.scenario_id,
  createdAt: r.created_at,
  acceptedAt: r.accepted_at,
  inServiceAt: r.in_service_at,
  deletedAt: r.deleted_at,
});

export type NewServing = Pick<
  Serving,
  | 'kind'
  | 'region'
  | 'customModelArn'
  | 'customModelName'
  | 'baseModelId'
  | 'teacherModelId'
  | 'name'
  | 'modelUnits'
  | 'term'
  | 'usdPerHourPerUnit'
  | 'inputUsdPer1k'
  | 'outputUsdPer1k'
  | 'oneOffCostUsd'
  | 'datasetId'
>;

export function insertServing(db: Database, s: NewServing): Serving {
  const id = newId();
  db.prepare(
    `INSERT INTO servings (id, kind, region, custom_model_arn, custom_model_name, base_model_id,
       teacher_model_id, name, client_token, phase, model_units, term, usd_per_hour_per_unit,
       input_usd_per_1k, output_usd_per_1k, one_off_cost_usd, dataset_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    s.kind,
    s.region,
    s.customModelArn,
    s.customModelName,
    s.baseModelId,
    s.teacherModelId,
    s.name,
    // The idempotency token every create of this row sends, retries and restarts included.
    `distill-roi-${id}`,
    s.modelUnits,
    s.term,
    s.usdPerHourPerUnit,
    s.inputUsdPer1k,
    s.outputUsdPer1k,
    s.oneOffCostUsd,
    s.datasetId,
    nowIso(),
  );
  return getServing(db, id) as Serving;
}

export function getServing(db: Database, id: string): Serving | null {
  const r = db.prepare('SELECT * FROM servings WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function findServingByArn(db: Database, arn: string): Serving | null {
  const r = db.prepare('SELECT * FROM servings WHERE arn = ?').get(arn) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function listServings(db: Database): Serving[] {
  return (db.prepare('SELECT * FROM servings ORDER BY created_at DESC').all() as Row[]).map(
    fromRow,
  );
}

/** A serving of this model and kind that may exist in AWS: a second one is refused. */
export function liveServingOf(
  db: Database,
  customModelArn: string,
  kind: Serving['kind'],
): Serving | null {
  const r = db
    .prepare(
      `SELECT * FROM servings WHERE custom_model_arn = ? AND kind = ?
         AND phase IN ('requested', 'creating', 'inService', 'failed', 'stuck')`,
    )
    .get(customModelArn, kind) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function markAccepted(db: Database, id: string, arn: string): void {
  db.prepare(
    `UPDATE servings SET arn = ?, phase = 'creating', accepted_at = COALESCE(accepted_at, ?)
       WHERE id = ?`,
  ).run(arn, nowIso(), id);
}

export function markPhase(
  db: Database,
  id: string,
  phase: ServingPhase,
  awsStatus: string | null,
  message: string | null,
): void {
  db.prepare(
    `UPDATE servings SET phase = ?, aws_status = COALESCE(?, aws_status), message = ?,
       in_service_at = CASE WHEN ? = 'inService' THEN COALESCE(in_service_at, ?) ELSE in_service_at END,
       deleted_at = CASE WHEN ? = 'deleted' THEN COALESCE(deleted_at, ?) ELSE deleted_at END
     WHERE id = ?`,
  ).run(phase, awsStatus, redactOrNull(message), phase, nowIso(), phase, nowIso(), id);
}

export function linkEvaluation(
  db: Database,
  id: string,
  link: { experimentId?: string; scenarioId?: string; datasetId?: string; oneOffCostUsd?: number },
): void {
  db.prepare(
    `UPDATE servings SET experiment_id = COALESCE(?, experiment_id),
       scenario_id = COALESCE(?, scenario_id), dataset_id = COALESCE(?, dataset_id),
       one_off_cost_usd = COALESCE(?, one_off_cost_usd) WHERE id = ?`,
  ).run(
    link.experimentId ?? null,
    link.scenarioId ?? null,
    link.datasetId ?? null,
    link.oneOffCostUsd ?? null,
    id,
  );
}
