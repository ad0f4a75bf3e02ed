import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { listRuns } from '../repos/runs';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0090-batch-jobs', () => {
  it('adds the batch tables to the database just before it; existing calls read as on-demand', async () => {
    const { path } = stores.next();
    // The version just before 90, whatever other migrations come before it.
    const before = await migrateTo(path, versionBefore(90));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO paragraphs (id, dataset_id, position, text, created_at, updated_at) VALUES ('p1', 'd1', 0, 'x', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
      INSERT INTO runs (id, experiment_id, paragraph_id, model_id, role, repeat_index, status, e2e_ms, started_at, finished_at)
      VALUES ('r1', 'e1', 'p1', 'T', 'teacher', 0, 'ok', 812, 't', 't');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 90);
    expect(applied).toEqual([90]);
    expect(userVersion(db)).toBe(90);
    expect(listRuns(db, 'e1').map((r) => [r.via, r.e2eMs])).toEqual([['on-demand', 812]]);
    const job = db.prepare(
      `INSERT INTO batch_jobs (id, experiment_id, model_id, part_index, first_record, record_count, files_json,
         input_uri, output_uri, job_name, client_request_token, phase)
       VALUES (?, 'e1', 'T', 0, 0, 100, '[]', 's3://b/i/', 's3://b/o/', 'n', ?, 'planned')`,
    );
    job.run('j1', 'token-1');
    // One idempotency token per job: a second job with the same token is refused.
    expect(() => job.run('j2', 'token-1')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`UPDATE runs SET via = 'carrier-pigeon' WHERE id = 'r1'`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
