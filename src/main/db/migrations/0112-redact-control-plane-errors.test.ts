import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';

const stores = tempStores();
afterEach(stores.cleanup);

const TOKEN = 'IQoJb3JpZ2luX2VjEJOBCANARYTOKENx9';
const LEAKY = `InvalidSignatureException: The request signature we calculated does not match ... x-amz-security-token:${TOKEN}\n\nhost;x-amz-date`;
const MASKED = LEAKY.replace(TOKEN, '***');

describe('migration 0112-redact-control-plane-errors', () => {
  it("masks secrets in batch, distillation and serving texts and in a setup's quota note, leaving no copy in the file", async () => {
    const { dir, path } = stores.next();
    const before = await migrateTo(path, versionBefore(112));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now'),
             ('e2', 'E2', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'completed', 'now', 'now');
    `);
    const quotas = (note: string | null) =>
      JSON.stringify({ fallback: { minRecordsPerJob: 100 }, quotaNote: note });
    before.db
      .prepare(
        `INSERT INTO batch_experiments (experiment_id, bucket, prefix, role_arn, model_ids_json,
           prices_json, quotas_json, created_at) VALUES (?, 'b', 'p', 'r', '[]', '[]', ?, 't')`,
      )
      .run('e1', quotas(`Your account's batch quotas could not be read (${LEAKY})`));
    // A setup stored before quotas were read per model: the quotas alone, no note.
    before.db
      .prepare(
        `INSERT INTO batch_experiments (experiment_id, bucket, prefix, role_arn, model_ids_json,
           prices_json, quotas_json, created_at) VALUES ('e2', 'b', 'p', 'r', '[]', '[]', ?, 't')`,
      )
      .run(JSON.stringify({ minRecordsPerJob: 100 }));
    const job = before.db.prepare(
      `INSERT INTO batch_jobs (id, experiment_id, model_id, part_index, first_record, record_count,
         files_json, input_uri, output_uri, job_name, client_request_token, phase, message, collect_note)
       VALUES (?, 'e1', ?, 0, 0, 100, '[]', 's3://b/i', 's3://b/o', ?, ?, ?, ?, ?)`,
    );
    job.run('b1', 'T', 'n1', 't1', 'failed', LEAKY, null);
    job.run('b2', 'S', 'n2', 't2', 'collected', 'Job failed.', `The job Failed: ${LEAKY}`);
    before.db
      .prepare(
        `INSERT INTO distill_jobs (id, job_name, custom_model_name, client_request_token, teacher_model_id,
           student_model_id, region, role_arn, source_kind, dataset_id, training_uri, output_uri,
           max_response_length, prompt_count, basis_json, estimate_json, phase, created_at,
           failure_message, last_error)
         VALUES ('j1', 'n1', 'm', 't1', 'T', 'S', 'us-east-1', 'r', 'dataset', 'd1', 's3://b/t',
           's3://b/o', 1000, 100, '{}', '{}', 'refused', 'now', ?, ?)`,
      )
      .run(`Training failed: ${LEAKY}`, LEAKY);
    before.db
      .prepare(
        `INSERT INTO servings (id, kind, region, custom_model_arn, custom_model_name, name,
           client_token, phase, message, created_at)
         VALUES ('s1', 'provisioned', 'us-east-1', 'arn:m', 'm', 'n', 'c1', 'failed', ?, 't')`,
      )
      .run(`AWS says it failed: ${LEAKY}`);
    before.db.close();

    const { db, applied } = await migrateTo(path, 112, { backupDir: join(dir, 'elsewhere') });
    expect(applied).toEqual([112]);
    expect(
      db.prepare('SELECT id, message, collect_note AS note FROM batch_jobs ORDER BY id').all(),
    ).toEqual([
      { id: 'b1', message: MASKED, note: null },
      { id: 'b2', message: 'Job failed.', note: `The job Failed: ${MASKED}` },
    ]);
    expect(
      db.prepare('SELECT failure_message AS f, last_error AS l FROM distill_jobs').get(),
    ).toEqual({ f: `Training failed: ${MASKED}`, l: MASKED });
    expect(db.prepare('SELECT message FROM servings').get()).toEqual({
      message: `AWS says it failed: ${MASKED}`,
    });
    const setups = db
      .prepare('SELECT experiment_id AS id, quotas_json AS q FROM batch_experiments ORDER BY id')
      .all() as { id: string; q: string }[];
    expect(setups.map((s) => [s.id, JSON.parse(s.q) as unknown])).toEqual([
      ['e1', JSON.parse(quotas(`Your account's batch quotas could not be read (${MASKED})`))],
      ['e2', { minRecordsPerJob: 100 }],
    ]);
    db.close();
    const files = readdirSync(dir).filter((f) => f.startsWith('test.sqlite'));
    expect(files).toContain('test.sqlite');
    for (const f of files) expect(readFileSync(join(dir, f)).includes(TOKEN)).toBe(false);
  });
});
