import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { basename, dirname, join } from 'node:path';
import { DamagedDatabaseError, inspectDatabaseFile, isDamageCode } from './inspect';
import { applyMigrations, latestVersion, NewerDatabaseError } from './migrate';
import { migrations as defaultMigrations } from './migrations';
import type { Migration } from './migration';
import { keepPrivate, makePrivateDir, makePrivateFile } from '../paths/privateFiles';

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
  // In WAL mode NORMAL makes a commit durable against a crash or kill -9 of the process (the
  // WAL is in the OS's hands once written) without an fsync per commit; only a power cut or an OS
  // crash may roll back the last commits, never corrupt the file. FULL cost one fsync per stored
  // result (about 7 ms on the event loop each, the runner's largest overhead); a result rolled
  // back by a power cut is simply called again on resume, never stored twice.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's own page cache of 2 MB (better-sqlite3 builds it with 16 MB). The cache fills with
  // every page a long run reads (each ROUGE refresh reads the outputs stored so far), so the
  // CLI's memory grew with the size of the store: 4,000 calls took its memory outside the JS
  // heap from 68 to 84 MB, and with 2 MB to 72 MB; pages it drops are still in the OS's cache.
  db.pragma('cache_size = -2000');
}

export async function openDatabase(path: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const list = opts.migrations ?? defaultMigrations;
  const latest = latestVersion(list);
  makePrivateDir(dirname(path));
  // Read-only first, so that a refused file (damaged, foreign, newer) stays byte-identical.
  const health = inspectDatabaseFile(path, latest);
  if (health.state === 'damaged' || health.state === 'foreign') {
    throw new DamagedDatabaseError(path, health.state, health.reason);
  }
  const existed = health.state === 'ok';
  const before = health.state === 'ok' ? health.version : 0;
  if (before > latest) throw new NewerDatabaseError(before, latest);

  // SQLite gives its -wal and -shm files the database file's mode, so a private database file
  // keeps them private too; files left by older versions are tightened.
  makePrivateFile(path);
  for (const suffix of ['-wal', '-shm']) keepPrivate(path + suffix);
  const db = new Sqlite(path);
  try {
    applyPragmas(db);
    let backupPath: string | null = null;
    if (existed && before > 0 && before < latest) {
      const dir = opts.backupDir ?? join(dirname(path), 'backups');
      makePrivateDir(dir);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backupPath = join(dir, `${basename(path)}.v${before}.${stamp}.bak`);
      makePrivateFile(backupPath);
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
