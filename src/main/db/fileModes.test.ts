/**
 * The data folder and its database are the user's alone: 0700 and 0600 even under a permissive
 * umask, with SQLite's -wal and -shm and pre-migration backups following the database's mode.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tempDir';
import { migrateTo, versionBefore } from '../../../test/support/migrateTo';
import { latestVersion } from './migrate';
import { openDatabase } from './open';
import { migrations } from './migrations';

const mode = (path: string) => statSync(path).mode & 0o777;
let oldUmask = 0;
let cleanup = () => {};
beforeEach(() => {
  // What many Linux desktops use: without the fix, folders come out 0755 and files 0644.
  oldUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(oldUmask);
  cleanup();
});

describe('data file modes', () => {
  it('creates the folder 0700 and the database, WAL and shared memory 0600', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const dir = join(t.dir, 'nested', 'Distill ROI');
    const path = join(dir, 'distill-roi.sqlite');
    const { db } = await openDatabase(path);
    db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('k', '"v"');
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(t.dir, 'nested'))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(`${path}-shm`)).toBe(0o600);
    db.close();
  });

  it('tightens a database an older version left readable, and keeps its backups private', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'distill-roi.sqlite');
    const old = await migrateTo(path, versionBefore(latestVersion(migrations)));
    old.db.close();
    chmodSync(path, 0o644);
    const { db, backupPath } = await openDatabase(path);
    db.close();
    expect(mode(path)).toBe(0o600);
    expect(backupPath).not.toBeNull();
    expect(mode(backupPath ?? '')).toBe(0o600);
    expect(mode(join(t.dir, 'backups'))).toBe(0o700);
  });

  it('leaves a folder the user already had as it was', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const shared = join(t.dir, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    writeFileSync(join(shared, 'other.txt'), 'not ours');
    const { db } = await openDatabase(join(shared, 'distill-roi.sqlite'));
    db.close();
    expect(mode(shared)).toBe(0o755);
    expect(mode(join(shared, 'distill-roi.sqlite'))).toBe(0o600);
  });
});
