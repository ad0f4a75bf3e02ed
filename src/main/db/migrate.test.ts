import { afterEach, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateTo, tempStores } from '../../../test/support/migrateTo';
import { openDatabase } from './open';
import { checkRegistry, latestVersion, NewerDatabaseError, userVersion } from './migrate';
import { migrations } from './migrations';
import type { Migration } from './migration';

const stores = tempStores();
afterEach(stores.cleanup);
const tempDbPath = () => stores.next().path;

const tables = (db: Sqlite.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('keeps the registry in strictly increasing order', () => {
    expect(() => checkRegistry(migrations)).not.toThrow();
    const m = (version: number): Migration => ({
      version,
      name: `m${version}`,
      up: () => undefined,
    });
    expect(() => checkRegistry([m(10), m(10)])).toThrow(/out of order/);
    expect(() => checkRegistry([m(20), m(10)])).toThrow(/out of order/);
  });

  it('0010 builds the schema on an empty database and sets user_version', async () => {
    const path = tempDbPath();
    const { db, applied, backupPath } = await openDatabase(path);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(backupPath).toBeNull();
    expect(userVersion(db)).toBe(latestVersion(migrations));
    expect(tables(db)).toEqual([
      'batch_experiments',
      'batch_jobs',
      'bill_fetches',
      'blind_reveals',
      'datasets',
      'distill_jobs',
      'experiment_paragraphs',
      'experiment_profiles',
      'experiments',
      'judge_calls',
      'judge_prompts',
      'model_lists',
      'paragraphs',
      'price_overrides',
      'price_snapshots',
      'quality_settings',
      'run_leases',
      'runs',
      'scenarios',
      'scores',
      'servings',
      'settings',
      'text_snapshots',
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL (1): durable against a process kill in WAL mode, without an fsync per commit.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // A page cache of 2 MB (-2000 KiB), not better-sqlite3's 16 MB: a long run's memory is bounded.
    expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
    db.close();
  });

  it('opening again applies nothing', async () => {
    const path = tempDbPath();
    (await openDatabase(path)).db.close();
    const again = await openDatabase(path);
    expect(again.applied).toEqual([]);
    again.db.close();
  });

  it('refuses a database from a newer version and leaves the file byte-identical', async () => {
    const path = tempDbPath();
    const raw = new Sqlite(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma('user_version = 9999');
    raw.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(openDatabase(path)).rejects.toThrow(/newer version of Distill ROI/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('backs up before migrating an existing database, then migrates its data', async () => {
    const path = tempDbPath();
    const first = await openDatabase(path);
    first.db.prepare("INSERT INTO datasets VALUES ('d1', 'Kept', 't', 't')").run();
    first.db.close();
    const m999: Migration = {
      version: 999,
      name: 'add-notes',
      up: (db) => db.exec('ALTER TABLE datasets ADD COLUMN notes TEXT'),
    };
    const second = await openDatabase(path, { migrations: [...migrations, m999] });
    expect(second.applied).toEqual([999]);
    expect(second.backupPath).not.toBeNull();
    expect(userVersion(second.db)).toBe(999);
    expect(second.db.prepare('SELECT name, notes FROM datasets').get()).toEqual({
      name: 'Kept',
      notes: null,
    });
    second.db.close();
    const backup = new Sqlite(second.backupPath as string, { readonly: true });
    expect(userVersion(backup)).toBe(latestVersion(migrations));
    expect(backup.prepare('SELECT name FROM datasets').get()).toEqual({ name: 'Kept' });
    backup.close();
    expect(readdirSync(join(path, '..', 'backups')).filter((f) => f.endsWith('.bak'))).toHaveLength(
      1,
    );
  });

  it('a failing migration leaves data and version unchanged', async () => {
    const path = tempDbPath();
    const first = await openDatabase(path);
    first.db.prepare("INSERT INTO datasets VALUES ('d1', 'Kept', 't', 't')").run();
    first.db.close();
    const broken: Migration = {
      version: 999,
      name: 'broken',
      up: (db) => {
        db.exec('DELETE FROM datasets; CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    await expect(openDatabase(path, { migrations: [...migrations, broken] })).rejects.toThrow(
      'boom',
    );
    const db = new Sqlite(path, { readonly: true });
    expect(userVersion(db)).toBe(latestVersion(migrations));
    expect(tables(db)).not.toContain('half_done');
    expect(db.prepare('SELECT name FROM datasets').all()).toEqual([{ name: 'Kept' }]);
    db.close();
  });

  it('0020 adds the status reason on a database built at version 10, keeping its experiments', async () => {
    const path = tempDbPath();
    const v10 = await migrateTo(path, 10);
    v10.db.exec(`
      INSERT INTO datasets VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 't', '[]', 'us-east-1', 'p', '{}', 1, 1, '{}', 'paused', 'now', 'now');
    `);
    v10.db.close();
    const { db, applied } = await migrateTo(path, 20);
    expect(applied).toEqual([20]);
    expect(db.prepare('SELECT status, status_reason FROM experiments').get()).toEqual({
      status: 'paused',
      status_reason: null,
    });
    db.close();
  });

  it('refuses a file that is not a database without changing it', async () => {
    const path = tempDbPath();
    writeFileSync(path, 'this is not sqlite at all, just text '.repeat(200));
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow();
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
