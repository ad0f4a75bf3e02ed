/**
 * Writes a dataset of numbered paragraphs into a data folder before the app starts on it (batch
 * jobs need at least 100 records, more than the sample dataset has). A test tool only.
 */
import { insertDataset } from '../../src/main/db/repos/datasets';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { paragraphText } from './runnerFixture';
import { writeDataDir } from './seedDataDir';

export function seedParagraphs(dir: string, name: string, count: number): Promise<string> {
  return writeDataDir(dir, (db) => {
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
  });
}
