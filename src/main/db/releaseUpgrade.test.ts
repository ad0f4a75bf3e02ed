import { afterEach, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from './open';
import { latestVersion, userVersion } from './migrate';
import { migrations } from './migrations';
import { listExperiments } from './repos/experiments';

// A data file the previous release wrote (schema 50, better-sqlite3 12 compiled for Node 20's
// ABI); test/fixtures/README.md says what it holds. The app now runs one Node-API binary for Node
// and Electron, so the file must open under it, migrate, and keep every row it had.
const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/release-0.1.0-schema50.sqlite', import.meta.url),
);

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

type Snapshot = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Every table's rows, in rowid order, as they are before any migration. */
function snapshot(path: string): Snapshot {
  const db = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    const out: Snapshot = new Map();
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const name of names) {
      const columns = (db.pragma(`table_info("${name}")`) as { name: string }[]).map((c) => c.name);
      out.set(name, { columns, rows: readRows(db, name, columns) });
    }
    return out;
  } finally {
    db.close();
  }
}

function readRows(db: Sqlite.Database, table: string, columns: string[]): unknown[][] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}" ORDER BY rowid`).raw().all() as unknown[][];
}

describe('a data file from release 0.1.0 (schema 50)', () => {
  it('opens under the current SQLite binary, migrates, and keeps every row and column', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'distill-roi.sqlite');
    copyFileSync(FIXTURE, path);
    const before = snapshot(path);
    expect(before.get('runs')?.rows.length).toBe(12);
    expect(before.get('paragraphs')?.rows.length).toBe(3);

    const { db, applied, backupPath } = await openDatabase(path);
    cleanups.unshift(() => db.close());
    expect(userVersion(db)).toBe(latestVersion(migrations));
    expect(applied).toEqual(migrations.filter((m) => m.version > 50).map((m) => m.version));
    // A migration is preceded by a backup of the file as it was.
    if (applied.length > 0) expect(backupPath).not.toBeNull();

    for (const [table, { columns, rows }] of before) {
      expect(readRows(db, table, columns), table).toEqual(rows);
    }
    const experiments = listExperiments(db);
    expect(experiments.map((e) => [e.config.name, e.status])).toEqual([
      ['Release 0.1.0 study', 'completed'],
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
