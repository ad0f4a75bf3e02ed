import type { Database } from 'better-sqlite3';
import type { Scenario } from '../../shared/roi/scenario';
import * as repo from '../db/repos/scenarios';
import { copyScenarioOverrides } from '../db/repos/priceOverrides';
import type { HandlerContext } from '../core/context';
import { roiEvidence } from '../quality/roiEvidence';
import { requireExperiment } from '../common/lookups';
import { AppFailure, notFound } from '../common/failure';

interface SaveInput {
  id?: string | undefined;
  name: string;
  experimentId: string | null;
  inputs: Scenario;
}

function requireScenario(db: Database, id: string): repo.StoredScenario {
  const found = repo.getScenario(db, id);
  if (!found) throw notFound('This scenario');
  return found;
}

/** Names identify scenarios in the list and in reports, so two may not share one. */
function requireFreeName(db: Database, name: string, ownId?: string): void {
  const other = repo.findScenarioByName(db, name);
  if (other && other.id !== ownId) {
    throw new AppFailure('conflict', `A scenario called “${name}” exists. Choose another name.`);
  }
}

/** "Base (copy)", then "Base (copy 2)", … the first that is free. */
function copyName(db: Database, name: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${name} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!repo.findScenarioByName(db, candidate)) return candidate;
  }
}

export const scenarioHandlers = {
  listScenarios: (ctx: HandlerContext) => repo.listScenarios(ctx.db),

  saveScenario: (ctx: HandlerContext, input: SaveInput) => {
    if (input.experimentId !== null) requireExperiment(ctx.db, input.experimentId);
    requireFreeName(ctx.db, input.name, input.id);
    const fields = { name: input.name, experimentId: input.experimentId, inputs: input.inputs };
    if (input.id === undefined) return requireScenario(ctx.db, repo.insertScenario(ctx.db, fields));
    if (!repo.updateScenario(ctx.db, input.id, fields)) throw notFound('This scenario');
    return requireScenario(ctx.db, input.id);
  },

  duplicateScenario: (ctx: HandlerContext, input: { id: string; name?: string | undefined }) => {
    const original = requireScenario(ctx.db, input.id);
    const name = input.name ?? copyName(ctx.db, original.name);
    requireFreeName(ctx.db, name);
    // The copy keeps the original's own price overrides, or it would silently reprice.
    const id = ctx.db.transaction(() => {
      const copyId = repo.insertScenario(ctx.db, { ...original, name });
      copyScenarioOverrides(ctx.db, original.id, copyId);
      return copyId;
    })();
    return requireScenario(ctx.db, id);
  },

  deleteScenario: (ctx: HandlerContext, input: { id: string }) => {
    if (!repo.deleteScenario(ctx.db, input.id)) throw notFound('This scenario');
    return { id: input.id };
  },

  getRoiEvidence: (ctx: HandlerContext, input: { experimentId: string }) =>
    roiEvidence(ctx.db, input.experimentId),
};
