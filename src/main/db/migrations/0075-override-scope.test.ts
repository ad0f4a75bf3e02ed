import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0075-override-scope', () => {
  it('keeps existing overrides global and drops a scoped one with its scenario', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(75));
    before.db.exec(`
      INSERT INTO scenarios (id, name, experiment_id, inputs_json, created_at, updated_at)
      VALUES ('s1', 'Base case', NULL, '{}', 't1', 't2');
      INSERT INTO price_overrides (id, seq, model_id, region, fields_json, note, as_of, created_at)
      VALUES ('o1', 1, 'meta.llama3-8b-instruct-v1:0', 'us-east-1', '{"inputUsdPer1k":0.00025}',
              'Quote', '2026-11-01', 'now');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 75);
    expect(applied).toEqual([75]);
    expect(userVersion(db)).toBe(75);
    expect(db.prepare('SELECT id, scenario_id FROM price_overrides').all()).toEqual([
      { id: 'o1', scenario_id: null },
    ]);
    db.exec(`
      INSERT INTO price_overrides (id, seq, model_id, region, fields_json, note, as_of, created_at, scenario_id)
      VALUES ('o2', 2, 'meta.llama3-8b-instruct-v1:0', 'us-east-1', '{"inputUsdPer1k":0.0002}',
              'What if', '2026-11-02', 'now', 's1');
      DELETE FROM scenarios WHERE id = 's1';
    `);
    expect(db.prepare('SELECT id FROM price_overrides').all()).toEqual([{ id: 'o1' }]);
    db.close();
  });
});
