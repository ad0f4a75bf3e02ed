import type { Migration } from '../migration';

/**
 * `batch_jobs.upload_note`: why the multipart uploads an interrupted upload left under the job's
 * input folder could not be listed or aborted (a credential without
 * s3:ListBucketMultipartUploads). It used to be stored as the job's `message`, which the first
 * poll replaces with Bedrock's own, so the user lost it; here it stays until the job's input is
 * uploaded again. Secrets masked, as every text that may quote AWS.
 */
export const migration0113: Migration = {
  version: 113,
  name: 'batch-upload-note',
  up(db) {
    db.exec('ALTER TABLE batch_jobs ADD COLUMN upload_note TEXT;');
  },
};
