/**
 * Where the CLI writes: never over an existing file unless --force, and every target checked
 * before the first is written, so a refused export leaves nothing half-done.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

export interface PlannedFile {
  path: string;
  bytes: Uint8Array;
}

/** `--csv DIR` (an existing folder, or a path without .csv) or `--csv FILE.csv`. */
export function csvTargets(target: string): { runs: string; scenarios: string } {
  const isDir = (existsSync(target) && statSync(target).isDirectory()) || !/\.csv$/i.test(target);
  if (isDir) return { runs: join(target, 'runs.csv'), scenarios: join(target, 'scenarios.csv') };
  return { runs: target, scenarios: target.replace(/\.csv$/i, '-scenarios.csv') };
}

export function writeAll(files: readonly PlannedFile[], force: boolean): void {
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length > 0 && !force) {
    throw new RefusedError(
      `${existing.join(', ')} already exists. Nothing was written; add --force to replace.`,
    );
  }
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    // 'wx' fails if the file appeared since the check: still never a silent overwrite.
    writeFileSync(f.path, f.bytes, { flag: force ? 'w' : 'wx' });
  }
}
