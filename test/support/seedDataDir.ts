/**
 * Writes an experiment with stored runs into a data folder before the app starts on it, so an
 * end-to-end spec can begin from measured results without running models. A test tool only.
 */
import { openDatabase } from '../../src/main/db/open';
import { databasePath } from '../../src/main/paths/dataDir';
import { seedExperimentWithRuns, type SeedOptions, type SeededExperiment } from './qualitySeed';

export async function seedDataDir(dir: string, options: SeedOptions): Promise<SeededExperiment> {
  const { db } = await openDatabase(databasePath(dir));
  try {
    return seedExperimentWithRuns(db, options);
  } finally {
    db.close();
  }
}
