/**
 * Writes a dataset of numbered paragraphs into a data folder before the app starts on it (batch
 * jobs need at least 100 records, more than the sample dataset has). A test tool only.
 */
import { insertDataset } from '../../src/main/db/repos/datasets';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { openDatabase } from '../../src/main/db/open';
import { databasePath } from '../../src/main/paths/dataDir';
import { paragraphText } from './runnerFixture';

export async function seedParagraphs(dir: string, name: string, count: number): Promise<string> {
  const { db } = await openDatabase(databasePath(dir));
  try {
    const id = insertDataset(db, name);
    appendParagraphs(
      db,
      id,
      Array.from({ length: count }, (_, i) => ({
        text: paragraphText(i),
        reference: null,
        tags: [],
      })),
    );
    return id;
  } finally {
    db.close();
  }
}
