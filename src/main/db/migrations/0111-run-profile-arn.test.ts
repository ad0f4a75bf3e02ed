import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';
import { listRuns } from '../repos/runs';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0111-run-profile-arn', () => {
  it('keeps stored calls, read as made without a profile, and stores the ARN of new ones', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(111));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, created_at, updated_at)
      VALUES ('p1', 'd1', 0, 'x', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
      INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status,
        attempts, started_at, finished_at) VALUES ('r1', 'e1', 'p1', 'T', 'teacher', 0, 'ok', 1, 't', 't');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 111);
    expect(applied).toEqual([111]);
    expect(listRuns(db, 'e1').map((r) => [r.id, r.profileArn])).toEqual([['r1', undefined]]);
    db.prepare("UPDATE runs SET profile_arn = 'arn:x' WHERE id = 'r1'").run();
    expect(listRuns(db, 'e1')[0]?.profileArn).toBe('arn:x');
    expect(
      db
        .prepare(
          "SELECT COUNT(*) AS n FROM pragma_table_info('batch_jobs') WHERE name = 'profile_arn'",
        )
        .get(),
    ).toEqual({ n: 1 });
    db.close();
  });
});
