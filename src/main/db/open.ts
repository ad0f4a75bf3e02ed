import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DamagedDatabaseError, inspectDatabaseFile, isDamageCode } from './inspect';
import { applyMigrations, latestVersion, NewerDatabaseError } from './migrate';
import { migrations as defaultMigrations } from './migrations';
import type { Migration } from './migration';

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Where pre-migration backups go; defaults to a `backups` folder beside the database. */
  backupDir?: string;
}

export interface OpenedDatabase {
  db: Database;
  applied: number[];
  backupPath: string | null;
}

function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export async function openDatabase(path: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const list = opts.migrations ?? defaultMigrations;
  const latest = latestVersion(list);
  mkdirSync(dirname(path), { recursive: true });
  // Read-only first, so that a refused file (damaged, foreign, newer) stays byte-identical.
  const health = inspectDatabaseFile(path, latest);
  if (health.state === 'damaged' || health.state === 'foreign') {
    throw new DamagedDatabaseError(path, health.state, health.reason);
  }
  const existed = health.state === 'ok';
  const before = health.state === 'ok' ? health.version : 0;
  if (before > latest) throw new NewerDatabaseError(before, latest);

  const db = new Sqlite(path);
  try {
    applyPragmas(db);
    let backupPath: string | null = null;
    if (existed && before > 0 && before < latest) {
      const dir = opts.backupDir ?? join(dirname(path), 'backups');
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backupPath = join(dir, `${basename(path)}.v${before}.${stamp}.bak`);
      await db.backup(backupPath);
    }
    const applied = applyMigrations(db, list);
    return { db, applied, backupPath };
  } catch (e) {
    db.close();
    // Damage the read-only check could not see (e.g. in a page only a migration touches).
    if (isDamageCode(e)) throw new DamagedDatabaseError(path, 'damaged', (e as Error).message);
    throw e;
  }
}
