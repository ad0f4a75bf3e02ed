import type { Database } from 'better-sqlite3';
import type {
  Experiment,
  ExperimentConfig,
  ExperimentStatus,
} from '../../../shared/domain/experiment';
import { newId, nowIso } from '../clock';
import { redact } from '../../log';

interface ExperimentRow {
  id: string;
  name: string;
  dataset_id: string;
  teacher_model_id: string;
  student_model_ids_json: string;
  region: string;
  prompt_template: string;
  system_prompt: string | null;
  inference_json: string;
  repeats: number;
  concurrency: number;
  budget_usd: number | null;
  prices_json: string;
  status: ExperimentStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

const toExperiment = (r: ExperimentRow): Experiment => ({
  id: r.id,
  config: {
    name: r.name,
    datasetId: r.dataset_id,
    teacherModelId: r.teacher_model_id,
    studentModelIds: JSON.parse(r.student_model_ids_json) as string[],
    region: r.region,
    promptTemplate: r.prompt_template,
    systemPrompt: r.system_prompt,
    inference: JSON.parse(r.inference_json) as ExperimentConfig['inference'],
    repeats: r.repeats,
    concurrency: r.concurrency,
    budgetUsd: r.budget_usd,
    prices: JSON.parse(r.prices_json) as ExperimentConfig['prices'],
  },
  status: r.status,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function insertExperiment(db: Database, c: ExperimentConfig): string {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
       prompt_template, system_prompt, inference_json, repeats, concurrency, budget_usd, prices_json,
       status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
  ).run(
    id,
    c.name,
    c.datasetId,
    c.teacherModelId,
    JSON.stringify(c.studentModelIds),
    c.region,
    c.promptTemplate,
    c.systemPrompt,
    JSON.stringify(c.inference),
    c.repeats,
    c.concurrency,
    c.budgetUsd,
    JSON.stringify(c.prices),
    now,
    now,
  );
  return id;
}

export function getExperiment(db: Database, id: string): Experiment | null {
  const row = db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as
    ExperimentRow | undefined;
  return row ? toExperiment(row) : null;
}

export function listExperiments(db: Database): Experiment[] {
  return (
    db.prepare('SELECT * FROM experiments ORDER BY created_at DESC').all() as ExperimentRow[]
  ).map(toExperiment);
}

export function setExperimentStatus(
  db: Database,
  id: string,
  status: ExperimentStatus,
  reason: string | null = null,
): void {
  db.prepare(
    'UPDATE experiments SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?',
  ).run(status, reason === null ? null : redact(reason), nowIso(), id);
}

export const INTERRUPTED_REASON =
  'The process running this experiment stopped before it finished. Resume to call only what is missing.';

/**
 * After a crash, an experiment still marked running has no runner: say so instead of pretending.
 * One that another live process (the command line) is running is left as it is.
 */
export function markOrphanedRunsInterrupted(
  db: Database,
  runningElsewhere: (experimentId: string) => boolean,
): number {
  const running = db.prepare(`SELECT id FROM experiments WHERE status = 'running'`).all() as {
    id: string;
  }[];
  const mark = db.prepare(
    `UPDATE experiments SET status = 'interrupted', status_reason = ?, updated_at = ?
     WHERE id = ? AND status = 'running'`,
  );
  return running.filter(
    (r) => !runningElsewhere(r.id) && mark.run(INTERRUPTED_REASON, nowIso(), r.id).changes === 1,
  ).length;
}

export function deleteExperiment(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM experiments WHERE id = ?').run(id).changes === 1;
}
