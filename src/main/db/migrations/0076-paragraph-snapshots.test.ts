import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0076-paragraph-snapshots', () => {
  it('adds empty snapshot tables to a version-75 database, which then fill and cascade', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(76));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 't', '[]', 'us-east-1', '{{paragraph}}', '{}', 1, 1, '[]', 't', 't');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 76);
    expect(applied).toEqual([76]);
    expect(userVersion(db)).toBe(76);
    db.exec(`
      INSERT INTO text_snapshots (hash, text, reference) VALUES ('h1', 'Old text', NULL);
      INSERT INTO experiment_paragraphs (experiment_id, paragraph_id, position, snapshot_hash)
      VALUES ('e1', 'p-gone', 0, 'h1');
    `);
    expect(db.prepare('SELECT paragraph_id, tags_json FROM experiment_paragraphs').all()).toEqual([
      { paragraph_id: 'p-gone', tags_json: '[]' },
    ]);
    db.exec(`DELETE FROM experiments WHERE id = 'e1'`);
    expect(db.prepare('SELECT count(*) AS n FROM experiment_paragraphs').get()).toEqual({ n: 0 });
    db.close();
  });
});
