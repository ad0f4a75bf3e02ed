import type { Database } from 'better-sqlite3';
import type { Scenario } from '../../shared/roi/scenario';
import { findScenarioByName, insertScenario, listScenarios } from '../db/repos/scenarios';

/**
 * An experiment's saved scenarios as reports and bundles use them, over the ROI screen's
 * repository: in the order they were saved (the first is the one a report's cover answers for),
 * and stored under a name no other scenario has, since names identify scenarios.
 */

export interface SavedScenario {
  id: string;
  name: string;
  scenario: Scenario;
}

export function listSavedScenarios(db: Database, experimentId: string): SavedScenario[] {
  return listScenarios(db)
    .filter((s) => s.experimentId === experimentId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name))
    .map((s) => ({ id: s.id, name: s.name, scenario: s.inputs }));
}

/** "Name", or "Name (imported)", "Name (imported 2)"… when the name is taken. */
function freeName(db: Database, name: string): string {
  if (!findScenarioByName(db, name)) return name;
  for (let n = 1; ; n += 1) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!findScenarioByName(db, candidate)) return candidate;
  }
}

export function insertSavedScenario(
  db: Database,
  experimentId: string,
  name: string,
  scenario: Scenario,
): string {
  return insertScenario(db, { name: freeName(db, name), experimentId, inputs: scenario });
}
