import type { Database } from 'better-sqlite3';
import { ScenarioSchema, type Scenario } from '../../../shared/roi/scenario';
import { logError } from '../../log';
import { newId, nowIso } from '../clock';

interface ScenarioRow {
  id: string;
  name: string;
  experiment_id: string | null;
  inputs_json: string;
  created_at: string;
  updated_at: string;
}

export interface StoredScenario {
  id: string;
  name: string;
  experimentId: string | null;
  inputs: Scenario;
  createdAt: string;
  updatedAt: string;
}

function toStored(r: ScenarioRow): StoredScenario | null {
  const parsed = ScenarioSchema.safeParse(JSON.parse(r.inputs_json));
  if (!parsed.success) {
    logError(`scenario ${r.id} has inputs this version cannot read; it was skipped`);
    return null;
  }
  return {
    id: r.id,
    name: r.name,
    experimentId: r.experiment_id,
    inputs: parsed.data,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Most recently changed first. */
export function listScenarios(db: Database): StoredScenario[] {
  const rows = db
    .prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, name')
    .all() as ScenarioRow[];
  return rows.map(toStored).filter((s): s is StoredScenario => s !== null);
}

export function getScenario(db: Database, id: string): StoredScenario | null {
  const row = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
  return row ? toStored(row) : null;
}

/** Another scenario with this name (case and surrounding spaces ignored), if any. */
export function findScenarioByName(db: Database, name: string): { id: string } | null {
  const row = db
    .prepare('SELECT id FROM scenarios WHERE lower(trim(name)) = lower(trim(?)) LIMIT 1')
    .get(name) as { id: string } | undefined;
  return row ?? null;
}

export interface ScenarioFields {
  name: string;
  experimentId: string | null;
  inputs: Scenario;
}

export function insertScenario(db: Database, f: ScenarioFields): string {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO scenarios (id, name, experiment_id, inputs_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, f.name, f.experimentId, JSON.stringify(f.inputs), now, now);
  return id;
}

export function updateScenario(db: Database, id: string, f: ScenarioFields): boolean {
  return (
    db
      .prepare(
        'UPDATE scenarios SET name = ?, experiment_id = ?, inputs_json = ?, updated_at = ? WHERE id = ?',
      )
      .run(f.name, f.experimentId, JSON.stringify(f.inputs), nowIso(), id).changes === 1
  );
}

export function deleteScenario(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes === 1;
}
