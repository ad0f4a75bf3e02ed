/**
 * The data folder holds paragraphs, model outputs and costs, so it is the user's alone: folders
 * 0700 and files 0600, whatever the umask. (On Windows these modes mean little; the folder sits
 * in the user's own profile there.)
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) readable by this user only. A folder that already
 * exists is left as it is: it may be one the user chose for other things too (`--data-dir /tmp`).
 */
export function makePrivateDir(dir: string): void {
  const created = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is filtered by the umask; say it again so that a loose umask cannot widen it.
  if (created !== undefined) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes `path` a file readable by this user only, creating it empty when it is missing. */
export function makePrivateFile(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
  else closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Tightens a file this app wrote (a database's -wal, a backup) when it exists. */
export function keepPrivate(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
