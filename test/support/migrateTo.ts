/**
 * The setup every migration test shares: a temporary data file opened through `openDatabase`
 * (pragmas, backups and all, as the app does) with the registered migrations up to a version and
 * none after it. A later migration added to the registry leaves these tests' starting points as
 * they were.
 */
import { join } from 'node:path';
import type { Migration } from '../../src/main/db/migration';
import { migrations } from '../../src/main/db/migrations';
import { openDatabase, type OpenedDatabase } from '../../src/main/db/open';
import { makeTempDir } from './tempDir';

/** The registered migrations up to and including `version`, which must be registered. */
export function migrationsTo(version: number): Migration[] {
  if (!migrations.some((m) => m.version === version)) {
    throw new Error(`No migration ${version} is registered.`);
  }
  return migrations.filter((m) => m.version <= version);
}

/** The registered version just before `version`: the schema a migration upgrades from. */
export function versionBefore(version: number): number {
  const earlier = migrations.filter((m) => m.version < version).at(-1);
  if (!earlier) throw new Error(`No migration is registered before ${version}.`);
  return earlier.version;
}

/** Opens (creating if need be) the data file at `path` and migrates it to exactly `version`. */
export function migrateTo(
  path: string,
  version: number,
  opts: { backupDir?: string } = {},
): Promise<OpenedDatabase> {
  return openDatabase(path, { ...opts, migrations: migrationsTo(version) });
}

/**
 * Fresh data file paths (`dir/test.sqlite`, one temporary folder each) for a test file;
 * `cleanup` (passed to afterEach) removes every one made so far.
 */
export function tempStores(): { next(): { dir: string; path: string }; cleanup(): void } {
  const made: (() => void)[] = [];
  return {
    next() {
      const t = makeTempDir();
      made.push(t.cleanup);
      return { dir: t.dir, path: join(t.dir, 'test.sqlite') };
    },
    cleanup: () => made.splice(0).forEach((remove) => remove()),
  };
}
