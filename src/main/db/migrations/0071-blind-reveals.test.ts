import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0071-blind-reveals', () => {
  it('adds one reveal per rater and set, refuses an unknown reason, and goes with its experiment', async () => {
    const { dir, path } = stores.next();
    const v70 = await migrateTo(path, 70);
    v70.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
    `);
    v70.db.close();

    const { db, applied } = await migrateTo(path, 71, { backupDir: join(dir, 'b') });
    expect(applied).toEqual([71]);
    expect(userVersion(db)).toBe(71);
    const add = db.prepare(
      `INSERT INTO blind_reveals (experiment_id, student_model_id, rater, reason, rated_items,
         total_items, revealed_at) VALUES ('e1', 'S', ?, ?, 1, 5, 'now')`,
    );
    add.run('Ana', 'asked');
    expect(() => add.run('Ana', 'finished')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run('Bo', 'peeked')).toThrow(/CHECK/);
    db.exec("DELETE FROM experiments WHERE id = 'e1'");
    expect(db.prepare('SELECT count(*) AS n FROM blind_reveals').get()).toEqual({ n: 0 });
    db.close();
  });
});
