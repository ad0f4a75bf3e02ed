/**
 * Writes into a data folder before the app starts on it, so an end-to-end spec can begin from
 * stored results without running models. A test tool only.
 */
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../src/main/db/open';
import { databasePath } from '../../src/main/paths/dataDir';
import { seedExperimentWithRuns, type SeedOptions, type SeededExperiment } from './qualitySeed';

/** Opens the folder's store as the app would (migrated), hands it to `write`, and closes it. */
export async function writeDataDir<T>(dir: string, write: (db: Database) => T): Promise<T> {
  const { db } = await openDatabase(databasePath(dir));
  try {
    return write(db);
  } finally {
    db.close();
  }
}

/** An experiment with stored runs. */
export function seedDataDir(dir: string, options: SeedOptions): Promise<SeededExperiment> {
  return writeDataDir(dir, (db) => seedExperimentWithRuns(db, options));
}
