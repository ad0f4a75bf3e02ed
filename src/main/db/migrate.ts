import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data file was written by a newer version of Distill ROI (schema ${found}; this version understands up to ${supported}). Update the app to open it. The file was not changed.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function checkRegistry(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const prev = list[i - 1];
    if (prev && m.version <= prev.version) {
      throw new Error(`Migration ${m.version}-${m.name} is out of order after ${prev.version}`);
    }
  });
}

export function latestVersion(list: readonly Migration[]): number {
  return list.at(-1)?.version ?? 0;
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction: either the database reaches the latest
 * version, or it keeps both its data and its version (SQLite DDL is transactional).
 */
export function applyMigrations(db: Database, list: readonly Migration[]): number[] {
  checkRegistry(list);
  const current = userVersion(db);
  const latest = latestVersion(list);
  if (current > latest) throw new NewerDatabaseError(current, latest);
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return pending.map((m) => m.version);
}
