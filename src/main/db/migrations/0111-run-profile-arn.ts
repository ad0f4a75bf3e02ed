import type { Migration } from '../migration';

/**
 * `runs.profile_arn`: the application inference profile a call was sent through (its ARN was the
 * request's modelId), or NULL when the call named the model itself. The call stays stored under
 * the experiment's model id, since the profile resolves to that model and is billed as it; the
 * column only says which calls carry the experiment's cost allocation tag onto the bill.
 * `batch_jobs.profile_arn` is the same for a batch job (its modelId), stored before the job is
 * created so that a retry with the same idempotency token sends the same modelId ('' once the
 * job was chosen to name the model itself; NULL before the first try).
 */
export const migration0111: Migration = {
  version: 111,
  name: 'run-profile-arn',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN profile_arn TEXT;
      ALTER TABLE batch_jobs ADD COLUMN profile_arn TEXT;
    `);
  },
};
