import type { Database } from 'better-sqlite3';
import { ModelListSchema, type ModelList } from '../../../shared/models/modelList';

/** Keeps the latest control-plane list of a region (the older one is of no further use). */
export function saveModelList(db: Database, list: ModelList): void {
  db.prepare(
    `INSERT INTO model_lists (region, fetched_at, list_json) VALUES (?, ?, ?)
     ON CONFLICT(region) DO UPDATE SET fetched_at = excluded.fetched_at, list_json = excluded.list_json`,
  ).run(list.region, list.fetchedAt, JSON.stringify(list));
}

/** The stored list of a region; a row this version cannot read counts as none. */
export function storedModelList(db: Database, region: string): ModelList | null {
  const row = db.prepare('SELECT list_json FROM model_lists WHERE region = ?').get(region) as
    { list_json: string } | undefined;
  if (!row) return null;
  try {
    const parsed = ModelListSchema.safeParse(JSON.parse(row.list_json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function storedModelLists(db: Database): ModelList[] {
  const rows = db.prepare('SELECT region FROM model_lists ORDER BY region').all() as {
    region: string;
  }[];
  return rows.flatMap((r) => {
    const list = storedModelList(db, r.region);
    return list ? [list] : [];
  });
}
