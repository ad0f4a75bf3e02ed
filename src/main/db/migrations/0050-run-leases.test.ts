import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0050-run-leases', () => {
  it('adds the lease table to a version-40 database, keeping a running experiment as it was', async () => {
    const { path } = stores.next();
    const v40 = await migrateTo(path, 40);
    v40.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'running', 'now', 'now');
    `);
    v40.db.close();

    const { db, applied, backupPath } = await migrateTo(path, 50);
    expect(applied).toEqual([50]);
    expect(backupPath).not.toBeNull();
    expect(userVersion(db)).toBe(50);
    expect(db.prepare('SELECT id, status FROM experiments').all()).toEqual([
      { id: 'e1', status: 'running' },
    ]);
    const insert = db.prepare(
      `INSERT INTO run_leases (key, holder_id, pid, host, label, acquired_at, heartbeat_ms)
       VALUES ('experiment:e1', ?, 42, 'laptop', 'app', 'now', 1)`,
    );
    insert.run('h1');
    // One holder per run: a second row for the same key is refused.
    expect(() => insert.run('h2')).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });
});
