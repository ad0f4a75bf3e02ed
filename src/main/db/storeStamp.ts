import type { Database } from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * A value that changes whenever the store's rows may have changed: rows written through this
 * connection (`total_changes()`, counted from the moment the connection opened, committed or
 * not) and commits by any other connection to the same file (`PRAGMA data_version`, for a CLI
 * run or a second window writing while the app reads). Figures derived from the store can be
 * kept while the stamp stays the same, and never past a write.
 */
export function storeStamp(db: Database): string {
  const own = prepared(db, 'SELECT total_changes() AS n').get() as { n: number };
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${others}:${own.n}`;
}
