import type { Database } from 'better-sqlite3';
import type { Dataset } from '../../../shared/domain/dataset';
import { newId, nowIso } from '../clock';

interface DatasetRow {
  id: string;
  name: string;
  paragraph_count: number;
  created_at: string;
  updated_at: string;
}

const toDataset = (r: DatasetRow): Dataset => ({
  id: r.id,
  name: r.name,
  paragraphCount: r.paragraph_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `
  SELECT d.id, d.name, d.created_at, d.updated_at,
         (SELECT count(*) FROM paragraphs p WHERE p.dataset_id = d.id) AS paragraph_count
  FROM datasets d`;

export function listDatasets(db: Database): Dataset[] {
  const rows = db.prepare(`${SELECT} ORDER BY d.updated_at DESC, d.name`).all() as DatasetRow[];
  return rows.map(toDataset);
}

export function getDataset(db: Database, id: string): Dataset | null {
  const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DatasetRow | undefined;
  return row ? toDataset(row) : null;
}

export function insertDataset(db: Database, name: string): string {
  const id = newId();
  const now = nowIso();
  db.prepare('INSERT INTO datasets (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    id,
    name,
    now,
    now,
  );
  return id;
}

export function renameDataset(db: Database, id: string, name: string): boolean {
  return (
    db.prepare('UPDATE datasets SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id)
      .changes === 1
  );
}

export function touchDataset(db: Database, id: string): void {
  db.prepare('UPDATE datasets SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

export function countExperimentsUsing(db: Database, datasetId: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM experiments WHERE dataset_id = ?').get(datasetId) as {
      n: number;
    }
  ).n;
}

export function deleteDataset(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM datasets WHERE id = ?').run(id).changes === 1;
}
