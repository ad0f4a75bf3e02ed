/**
 * The file moves recovery mode makes. Nothing here deletes: an unusable data file is renamed
 * beside itself (with its WAL and shared-memory files, which belong to it), and a backup is
 * copied, never moved, so every byte the user had is still on disk afterwards.
 */
import { constants, copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Backup } from '../../shared/ipc/recoveryChannels';
import { inspectDatabaseFile } from '../db/inspect';

export const backupDir = (dbPath: string): string => join(dirname(dbPath), 'backups');

/** Healthy automatic backups of `dbPath`, newest first (open.ts names them `<file>.vN.<stamp>.bak`). */
export function listBackups(dbPath: string, latest: number): Backup[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${escapeRegExp(basename(dbPath))}\\.v(\\d+)\\..+\\.bak$`);
  const found: (Backup & { mtimeMs: number })[] = [];
  for (const fileName of readdirSync(dir)) {
    const match = pattern.exec(fileName);
    if (!match) continue;
    const full = join(dir, fileName);
    const health = inspectDatabaseFile(full, latest);
    if (health.state !== 'ok') continue;
    const info = statSync(full);
    found.push({
      fileName,
      sizeBytes: info.size,
      modifiedAt: info.mtime.toISOString(),
      schemaVersion: health.version,
      mtimeMs: info.mtimeMs,
    });
  }
  return found
    .sort((a, b) => b.mtimeMs - a.mtimeMs || b.fileName.localeCompare(a.fileName))
    .map(({ mtimeMs: _mtime, ...b }) => b);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Renames the data file and its -wal/-shm companions to `<file>.unusable-<stamp>` (+ suffix).
 * The WAL must go too: left behind, SQLite would replay it onto whatever file comes next.
 */
export function moveAside(dbPath: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${dbPath}.unusable-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${dbPath}.unusable-${stamp}-${n}`;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  if (existsSync(dbPath)) renameSync(dbPath, target);
  return target;
}

/** Copies a listed backup into the (now free) data path; refuses to overwrite anything. */
export function copyBackupIntoPlace(dbPath: string, fileName: string): string {
  const source = join(backupDir(dbPath), fileName);
  copyFileSync(source, dbPath, constants.COPYFILE_EXCL);
  return source;
}
