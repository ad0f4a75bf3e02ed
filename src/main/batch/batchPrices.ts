/**
 * The experiment as its calls were priced: a model sent to batch ran at its frozen batch price,
 * so the ROI evidence (scenario prefill) and the report use that price for it, not on-demand.
 */
import type { Database } from 'better-sqlite3';
import type { Experiment } from '../../shared/domain/experiment';
import { getBatchSetup } from '../db/repos/batchJobs';

export function withBatchPrices(db: Database, e: Experiment): Experiment {
  const setup = getBatchSetup(db, e.id);
  if (!setup) return e;
  return {
    ...e,
    config: {
      ...e.config,
      prices: e.config.prices.map((p) => setup.prices.find((b) => b.modelId === p.modelId) ?? p),
    },
  };
}
