import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, tempStores, versionBefore } from '../../../../test/support/migrateTo';
import { listBatchJobs, setJobUploadNote } from '../repos/batchJobs';

const stores = tempStores();
afterEach(stores.cleanup);

describe('migration 0113-batch-upload-note', () => {
  it('keeps stored jobs, read without an upload note, and stores one apart from the message, masked', async () => {
    const { path } = stores.next();
    const before = await migrateTo(path, versionBefore(113));
    before.db.exec(`
      INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'D', 't', 't');
      INSERT INTO experiments (id, name, dataset_id, teacher_model_id, student_model_ids_json, region,
        prompt_template, inference_json, repeats, concurrency, prices_json, status, created_at, updated_at)
      VALUES ('e1', 'E', 'd1', 'T', '["S"]', 'us-east-1', 'p', '{}', 1, 1, '[]', 'running', 'now', 'now');
      INSERT INTO batch_jobs (id, experiment_id, model_id, part_index, first_record, record_count,
        files_json, input_uri, output_uri, job_name, client_request_token, phase, status, message)
      VALUES ('j1', 'e1', 'T', 0, 0, 120, '[]', 's3://b/in/', 's3://b/out/', 'job-1', 'tok-1',
        'submitted', 'InProgress', 'Bedrock says');
    `);
    before.db.close();

    const { db, applied } = await migrateTo(path, 113);
    expect(applied).toEqual([113]);
    expect(listBatchJobs(db, 'e1').map((j) => [j.message, j.uploadNote])).toEqual([
      ['Bedrock says', null],
    ]);
    setJobUploadNote(db, 'j1', 'Denied for AKIAABCDEFGHIJKLMNOP.');
    const [job] = listBatchJobs(db, 'e1');
    expect(job?.message).toBe('Bedrock says');
    expect(job?.uploadNote).toContain('Denied for');
    expect(job?.uploadNote).not.toContain('AKIAABCDEFGHIJKLMNOP');
    db.close();
  });
});
