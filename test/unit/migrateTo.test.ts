import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, userVersion } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { migrateTo, migrationsTo, tempStores, versionBefore } from '../support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migrateTo', () => {
  it('builds a file at exactly the version asked, then upgrades it one step', async () => {
    const { path } = stores.next();
    const at50 = await migrateTo(path, 50);
    expect(userVersion(at50.db)).toBe(50);
    expect(at50.applied).toEqual(migrations.filter((m) => m.version <= 50).map((m) => m.version));
    at50.db.close();
    const next = migrations.find((m) => m.version > 50)?.version ?? NaN;
    const upgraded = await migrateTo(path, next);
    expect(upgraded.applied).toEqual([next]);
    expect(upgraded.backupPath).not.toBeNull();
    upgraded.db.close();
  });

  it('refuses a version no migration has, and knows the one before each', () => {
    expect(() => migrationsTo(9_999)).toThrow('No migration 9999 is registered.');
    expect(migrationsTo(latestVersion(migrations))).toEqual(migrations);
    expect(versionBefore(20)).toBe(10);
    expect(() => versionBefore(10)).toThrow(/before 10/);
  });

  it('removes every temporary folder it made', () => {
    const made = [stores.next(), stores.next()];
    expect(made.every((s) => existsSync(s.dir))).toBe(true);
    stores.cleanup();
    expect(made.some((s) => existsSync(s.dir))).toBe(false);
  });
});
