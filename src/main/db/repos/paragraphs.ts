import type { Database } from 'better-sqlite3';
import type { Paragraph } from '../../../shared/domain/dataset';
import { newId, nowIso } from '../clock';

interface ParagraphRow {
  id: string;
  dataset_id: string;
  position: number;
  text: string;
  reference: string | null;
  tags_json: string;
  created_at: string;
  updated_at: string;
}

export interface ParagraphFields {
  text: string;
  reference: string | null;
  tags: string[];
}

const toParagraph = (r: ParagraphRow): Paragraph => ({
  id: r.id,
  datasetId: r.dataset_id,
  position: r.position,
  text: r.text,
  reference: r.reference,
  tags: JSON.parse(r.tags_json) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listParagraphs(db: Database, datasetId: string): Paragraph[] {
  const rows = db
    .prepare('SELECT * FROM paragraphs WHERE dataset_id = ? ORDER BY position, created_at')
    .all(datasetId) as ParagraphRow[];
  return rows.map(toParagraph);
}

/**
 * Only ids and texts, in order: what batch inference needs of a dataset of tens of thousands of
 * paragraphs, at a fraction of the memory of full paragraph records.
 */
export function listParagraphTexts(
  db: Database,
  datasetId: string,
): { id: string; text: string }[] {
  return db
    .prepare('SELECT id, text FROM paragraphs WHERE dataset_id = ? ORDER BY position, created_at')
    .all(datasetId) as { id: string; text: string }[];
}

export function getParagraph(db: Database, id: string): Paragraph | null {
  const row = db.prepare('SELECT * FROM paragraphs WHERE id = ?').get(id) as
    ParagraphRow | undefined;
  return row ? toParagraph(row) : null;
}

function nextPosition(db: Database, datasetId: string): number {
  const row = db
    .prepare('SELECT coalesce(max(position), -1) + 1 AS next FROM paragraphs WHERE dataset_id = ?')
    .get(datasetId) as { next: number };
  return row.next;
}

/** Appends paragraphs in order; callers wrap it in a transaction when several must land together. */
export function appendParagraphs(
  db: Database,
  datasetId: string,
  items: ParagraphFields[],
): string[] {
  const insert = db.prepare(
    `INSERT INTO paragraphs (id, dataset_id, position, text, reference, tags_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let position = nextPosition(db, datasetId);
  const now = nowIso();
  return items.map((p) => {
    const id = newId();
    insert.run(id, datasetId, position++, p.text, p.reference, JSON.stringify(p.tags), now, now);
    return id;
  });
}

export function updateParagraph(db: Database, id: string, p: ParagraphFields): boolean {
  return (
    db
      .prepare(
        'UPDATE paragraphs SET text = ?, reference = ?, tags_json = ?, updated_at = ? WHERE id = ?',
      )
      .run(p.text, p.reference, JSON.stringify(p.tags), nowIso(), id).changes === 1
  );
}

export function deleteParagraph(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM paragraphs WHERE id = ?').run(id).changes === 1;
}

export function setPositions(db: Database, orderedIds: string[]): void {
  const update = db.prepare('UPDATE paragraphs SET position = ? WHERE id = ?');
  orderedIds.forEach((id, i) => update.run(i, id));
}
