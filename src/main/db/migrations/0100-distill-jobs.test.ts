import { afterEach, describe, expect, it } from 'vitest';
import { userVersion } from '../migrate';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0100-distill-jobs', () => {
  it('adds the distillation job table; one job per idempotency token and per ARN', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(100));
    before.db.exec(
      `INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');`,
    );
    before.db.close();
    const { db, applied } = await migrateTo(path, 100);
    expect(applied).toEqual([100]);
    expect(userVersion(db)).toBe(100);
    const insert = db.prepare(
      `INSERT INTO distill_jobs (id, job_name, custom_model_name, client_request_token, teacher_model_id,
         student_model_id, region, role_arn, source_kind, dataset_id, training_uri, output_uri,
         max_response_length, prompt_count, basis_json, estimate_json, phase, created_at)
       VALUES (?, ?, 'm', ?, 'T', 'S', 'us-east-1', 'r', 'dataset', 'd1', 's3://b/t', 's3://b/o', 1000, 100, '{}', '{}', ?, 'now')`,
    );
    insert.run('j1', 'n1', 'token-1', 'planned');
    expect(() => insert.run('j2', 'n2', 'token-1', 'planned')).toThrow(/UNIQUE/);
    expect(() => insert.run('j3', 'n3', 'token-3', 'lost')).toThrow(/CHECK/);
    // Deleting the dataset keeps the job (its cost and model outlive the prompts).
    db.prepare(`DELETE FROM datasets WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT dataset_id FROM distill_jobs WHERE id = 'j1'`).get()).toEqual({
      dataset_id: null,
    });
    db.close();
  });
});
