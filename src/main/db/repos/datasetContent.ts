import type { Database } from 'better-sqlite3';
import type { ParagraphFields } from './paragraphs';
import { listParagraphs } from './paragraphs';

/**
 * Finding a dataset by what it holds, so that adding the sample twice, or importing the same
 * file again, opens the dataset already made instead of a second identical copy.
 */

const sameParagraphs = (a: readonly ParagraphFields[], b: readonly ParagraphFields[]) =>
  a.length === b.length &&
  a.every(
    (p, i) =>
      p.text === b[i]?.text &&
      p.reference === b[i]?.reference &&
      p.tags.join('\u0000') === b[i]?.tags.join('\u0000'),
  );

/** The oldest dataset whose paragraphs are exactly `rows`, in order, or null. */
export function findDatasetWithContent(
  db: Database,
  rows: readonly ParagraphFields[],
): string | null {
  // Only datasets of the same size can match; their paragraphs are read one dataset at a time.
  const candidates = db
    .prepare(
      `SELECT d.id FROM datasets d
       WHERE (SELECT count(*) FROM paragraphs p WHERE p.dataset_id = d.id) = ?
       ORDER BY d.created_at, d.id`,
    )
    .all(rows.length) as { id: string }[];
  const found = candidates.find((d) => sameParagraphs(listParagraphs(db, d.id), rows));
  return found?.id ?? null;
}
