import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0080-model-lists-price-snapshots', () => {
  it('adds both tables to the database of the migration before it, keeping its overrides', async () => {
    const { path } = stores.next();
    const v50 = await migrateTo(path, versionBefore(80));
    const overrides = v50.db.prepare('SELECT COUNT(*) AS n FROM price_overrides').get();
    v50.db.close();

    const { db, applied } = await migrateTo(path, 80);
    expect(applied).toEqual([80]);
    expect(userVersion(db)).toBe(80);
    expect(db.prepare('SELECT COUNT(*) AS n FROM price_overrides').get()).toEqual(overrides);
    const save = db.prepare(
      "INSERT INTO model_lists (region, fetched_at, list_json) VALUES ('us-east-1', ?, '{}')",
    );
    save.run('2026-12-07');
    // One stored list per region.
    expect(() => save.run('2026-12-08')).toThrow(/UNIQUE|PRIMARY KEY/);
    const snap = db.prepare(
      `INSERT INTO price_snapshots (region, publication_date, fetched_at, source, offers_json, rows_json, problems_json)
       VALUES ('us-east-1', ?, 'now', 'test', '[]', '[]', '[]')`,
    );
    snap.run('2026-07-01');
    snap.run('2026-11-01');
    // Snapshots accumulate: an old one stays listed after a newer arrives.
    expect(db.prepare('SELECT publication_date FROM price_snapshots ORDER BY id').all()).toEqual([
      { publication_date: '2026-07-01' },
      { publication_date: '2026-11-01' },
    ]);
    db.close();
  });
});
