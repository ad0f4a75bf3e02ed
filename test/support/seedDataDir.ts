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

/**
 * Several experiments with stored runs, each on its own dataset, made in the order given a minute
 * apart (the app lists the newest first): the order does not hang on how fast the seed writes.
 */
export function seedExperiments(
  dir: string,
  options: readonly SeedOptions[],
): Promise<SeededExperiment[]> {
  return writeDataDir(dir, (db) =>
    options.map((o, k) => {
      const seeded = seedExperimentWithRuns(db, o);
      const at = new Date(Date.UTC(2026, 0, 5, 9, k)).toISOString();
      db.prepare('UPDATE experiments SET created_at = ?, updated_at = ? WHERE id = ?').run(
        at,
        at,
        seeded.experimentId,
      );
      return seeded;
    }),
  );
}
