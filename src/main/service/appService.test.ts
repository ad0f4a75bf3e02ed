/**
 * A damaged, foreign or newer data file starts recovery mode: the original stays byte-identical,
 * every channel but the recovery ones answers a clear error, the latest automatic backup is
 * offered, and it replaces the file only on a confirmed request, which moves (never deletes)
 * the unusable file.
 */
import Sqlite from 'better-sqlite3';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tempDir';
import { CHANNELS } from '../../shared/ipc/channels';
import type { StartupState } from '../../shared/ipc/recoveryChannels';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { openDatabase } from '../db/open';
import { migrations } from '../db/migrations';
import { insertDataset } from '../db/repos/datasets';
import { databasePath } from '../paths/dataDir';
import { startApp, type AppService } from './appService';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function start(dir: string): Promise<AppService> {
  const app = await startApp({
    dataDir: dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  cleanups.push(() => app.close());
  return app;
}

/**
 * A data folder whose file was migrated once by the app, so that `backups/` holds a real
 * automatic backup (with the dataset "Before the upgrade"), plus one dataset added after it.
 */
async function folderWithBackup(): Promise<{ dir: string; path: string }> {
  const temp = makeTempDir('distill-recovery-');
  cleanups.push(temp.cleanup);
  const path = databasePath(temp.dir);
  const old = await openDatabase(path, { migrations: migrations.slice(0, 2) });
  insertDataset(old.db, 'Before the upgrade');
  old.db.close();
  const current = await openDatabase(path);
  expect(current.backupPath).not.toBeNull();
  insertDataset(current.db, 'After the upgrade');
  current.db.close(); // checkpoints the WAL: the main file holds everything
  return { dir: temp.dir, path };
}

const DAMAGE: Record<string, (path: string) => void> = {
  truncated: (path) => truncateSync(path, Math.floor(readFileSync(path).length / 2)),
  garbage: (path) =>
    writeFileSync(
      path,
      Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + 13) % 256)),
    ),
  foreign: (path) => {
    writeFileSync(path, '');
    const other = new Sqlite(path);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)',
    );
    other.pragma('journal_mode = DELETE');
    other.close();
  },
  newer: (path) => {
    const db = new Sqlite(path);
    db.pragma('user_version = 9999');
    db.close();
  },
};

const PROBLEM = { truncated: 'damaged', garbage: 'damaged', foreign: 'foreign', newer: 'newer' };

describe('recovery mode', () => {
  it.each(Object.keys(DAMAGE) as (keyof typeof PROBLEM)[])(
    'a %s data file opens recovery mode, keeps the file and restores the backup only when confirmed',
    async (kind) => {
      const { dir, path } = await folderWithBackup();
      DAMAGE[kind]?.(path);
      const original = readFileSync(path);

      const app = await start(dir);
      expect(app.core).toBeNull();
      const state = await app.call('getStartupState', {});
      expect(state).toMatchObject({
        ok: true,
        value: { mode: 'recovery', problem: PROBLEM[kind], path },
      });
      const recovery = (state as { value: Extract<StartupState, { mode: 'recovery' }> }).value;
      expect(recovery.reason.length).toBeGreaterThan(5);
      expect(recovery.backups).toHaveLength(1);

      // Every other channel says why it cannot work, and nothing touches the file.
      for (const channel of CHANNELS) {
        if (['getStartupState', 'restoreBackup', 'startFresh'].includes(channel)) continue;
        const r = await app.call(channel, {});
        expect(r, channel).toMatchObject({ ok: false, error: { code: 'recovery' } });
      }
      // No confirmation, or a file that is not a listed backup: refused, nothing moved.
      expect(
        await app.call('restoreBackup', { fileName: recovery.backups[0]?.fileName }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await app.call('startFresh', {})).toMatchObject({ ok: false });
      expect(
        await app.call('restoreBackup', { fileName: '../distill-roi.sqlite', confirm: true }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(readFileSync(path).equals(original)).toBe(true);

      const restored = await app.call('restoreBackup', {
        fileName: recovery.backups[0]?.fileName,
        confirm: true,
      });
      expect(restored.ok).toBe(true);
      const moved = (restored as { value: { movedAsideTo: string; restoredFrom: string } }).value;
      // The unusable file is kept, byte for byte, beside the data file; the backup stays too.
      expect(readFileSync(moved.movedAsideTo).equals(original)).toBe(true);
      expect(existsSync(moved.restoredFrom)).toBe(true);
      expect(app.core).not.toBeNull();
      expect(await app.call('getStartupState', {})).toEqual({ ok: true, value: { mode: 'ready' } });
      const datasets = await app.call('listDatasets', {});
      expect(datasets).toMatchObject({ ok: true, value: [{ name: 'Before the upgrade' }] });
      expect((datasets as { value: unknown[] }).value).toHaveLength(1);
    },
  );

  it('starting empty moves the unusable file aside and deletes nothing', async () => {
    const { dir, path } = await folderWithBackup();
    DAMAGE.garbage?.(path);
    const original = readFileSync(path);
    const app = await start(dir);
    const r = await app.call('startFresh', { confirm: true });
    expect(r.ok).toBe(true);
    const moved = (r as { value: { movedAsideTo: string } }).value.movedAsideTo;
    expect(readFileSync(moved).equals(original)).toBe(true);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
    expect(await app.call('listDatasets', {})).toEqual({ ok: true, value: [] });
  });

  it('a data path it cannot open at all (a folder) is an error, not a damaged file to replace', async () => {
    const temp = makeTempDir('distill-recovery-');
    cleanups.push(temp.cleanup);
    mkdirSync(databasePath(temp.dir));
    await expect(
      startApp({
        dataDir: temp.dir,
        transport: 'browser-host',
        secrets: createMemorySecretStore(),
      }),
    ).rejects.toThrow();
    expect(readdirSync(temp.dir)).toEqual(['distill-roi.sqlite']);
  });

  it('a healthy data file starts normally and has nothing to recover', async () => {
    const { dir } = await folderWithBackup();
    const app = await start(dir);
    expect(await app.call('getStartupState', {})).toEqual({ ok: true, value: { mode: 'ready' } });
    expect(await app.call('restoreBackup', { fileName: 'x', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
