import type { Database } from 'better-sqlite3';
import type { Dataset } from '../../shared/domain/dataset';
import type { Experiment } from '../../shared/domain/experiment';
import { getDataset } from '../db/repos/datasets';
import { getExperiment } from '../db/repos/experiments';
import { notFound } from './failure';

/**
 * Lookups that end a request with the same not-found wording wherever a record has gone (deleted
 * in another window, a stale id on the command line): handlers, exports and the CLI share them.
 */

export function requireExperiment(db: Database, id: string): Experiment {
  const found = getExperiment(db, id);
  if (!found) throw notFound('This experiment');
  return found;
}

export function requireDataset(db: Database, id: string): Dataset {
  const found = getDataset(db, id);
  if (!found) throw notFound('This dataset');
  return found;
}
