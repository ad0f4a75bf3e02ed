import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

const override = (id: string, seq: number, note = 'Quote from our AWS account team') =>
  `INSERT INTO price_overrides (id, seq, model_id, region, fields_json, note, as_of, created_at)
   VALUES ('${id}', ${seq}, 'meta.llama3-8b-instruct-v1:0', 'us-east-1', '{"inputUsdPer1k":0.00025}',
           '${note}', '2026-11-01', 'now')`;

describe('migration 0040-price-overrides', () => {
  it('adds the override table to a version-30 database, keeping its saved scenarios', async () => {
    const path = stores.next().path;
    const v30 = await migrateTo(path, 30);
    expect(userVersion(v30.db)).toBe(30);
    v30.db.exec(`
      INSERT INTO scenarios (id, name, experiment_id, inputs_json, created_at, updated_at)
      VALUES ('s1', 'Base case', NULL, '{"volume":{"requestsPerMonth":1000}}', 't1', 't2');
    `);
    v30.db.close();

    const { db, applied, backupPath } = await migrateTo(path, 40);
    expect(applied).toEqual([40]);
    expect(backupPath).not.toBeNull();
    expect(userVersion(db)).toBe(40);
    expect(db.prepare('SELECT id, name, inputs_json FROM scenarios').all()).toEqual([
      { id: 's1', name: 'Base case', inputs_json: '{"volume":{"requestsPerMonth":1000}}' },
    ]);

    db.exec(override('o1', 1));
    expect(db.prepare('SELECT model_id, note, as_of FROM price_overrides').get()).toEqual({
      model_id: 'meta.llama3-8b-instruct-v1:0',
      note: 'Quote from our AWS account team',
      as_of: '2026-11-01',
    });
    // The order overrides apply in is explicit and unique; a note is never blank.
    expect(() => db.exec(override('o2', 1))).toThrow(/UNIQUE/);
    expect(() => db.exec(override('o3', 2, '   '))).toThrow(/CHECK/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM scenarios ORDER BY updated_at DESC')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/scenarios_by_updated/);
    db.close();
  });
});
