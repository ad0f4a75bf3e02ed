/**
 * Looks at the data file before anything writes to it, so that a damaged or foreign file is
 * recognised while it is still exactly as the user left it. Everything here opens the file
 * read-only: SQLite never writes to the main file of a read-only connection.
 */
import Sqlite from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';

export type FileHealth =
  | { state: 'missing' }
  | { state: 'ok'; version: number }
  /** Not SQLite at all, or SQLite whose pages are broken (truncated, overwritten). */
  | { state: 'damaged'; reason: string }
  /** A healthy SQLite file that some other program wrote: migrating would change it. */
  | { state: 'foreign'; reason: string };

/** Tables every version of this app's schema has had since the first migration. */
const OWN_TABLES = ['datasets', 'paragraphs', 'experiments', 'runs', 'settings'] as const;

export class DamagedDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly problem: 'damaged' | 'foreign',
    readonly reason: string,
  ) {
    super(`The data file ${path} cannot be used: ${reason}`);
    this.name = 'DamagedDatabaseError';
  }
}

/**
 * SQLite's codes for a file that is not, or no longer, a database. Anything else (busy, locked,
 * no permission) says nothing about the file's contents and is not treated as damage.
 */
export function isDamageCode(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_NOTADB' ||
      code.startsWith('SQLITE_CORRUPT') ||
      code === 'SQLITE_IOERR_SHORT_READ')
  );
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A zero-byte file with no WAL beside it is what SQLite itself treats as a new, empty database. */
function isEmptyNewFile(path: string): boolean {
  return statSync(path).size === 0 && !existsSync(`${path}-wal`);
}

/**
 * `latest` is the newest schema this app knows: a file above it belongs to a newer version of
 * this app (refused elsewhere, untouched), not to another program.
 */
export function inspectDatabaseFile(path: string, latest: number): FileHealth {
  if (!existsSync(path) || isEmptyNewFile(path)) return { state: 'missing' };
  let db: Sqlite.Database;
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    if (!isDamageCode(e)) throw e;
    return { state: 'damaged', reason: describe(e) };
  }
  try {
    // quick_check reads every page (without the index cross-checks of integrity_check): a file
    // cut short or overwritten in the middle fails here rather than in the middle of a run.
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check ?? 'no answer';
    if (first !== 'ok') return { state: 'damaged', reason: `integrity check: ${first}` };
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(
      (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map((t) => t.name),
    );
    if (version === 0 && tables.size > 0) {
      return {
        state: 'foreign',
        reason: `it is an SQLite database of another program (tables: ${[...tables].slice(0, 5).join(', ')})`,
      };
    }
    if (version > 0 && version <= latest && OWN_TABLES.some((t) => !tables.has(t))) {
      return { state: 'foreign', reason: 'it is an SQLite database without Distill ROI’s tables' };
    }
    return { state: 'ok', version };
  } catch (e) {
    if (!isDamageCode(e)) throw e;
    return { state: 'damaged', reason: describe(e) };
  } finally {
    db.close();
  }
}
