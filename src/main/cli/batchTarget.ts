/**
 * Where and with which role `run --mode batch` sends an experiment: the flags, else what is
 * saved in Settings › Batch inference. The CLI says which it used, and a value found in neither
 * is a usage error naming both the flag and the setting, before any experiment is created.
 */
import type { Database } from 'better-sqlite3';
import { BATCH_SETTINGS_PLACE } from '../../shared/batch/batchSettings';
import { readBatchSettings } from '../batch/batchSettings';
import { UsageError, type BatchFlags } from './cliArgs';

export interface BatchTarget {
  s3Uri: string;
  roleArn: string;
  modelIds: string[];
}

export function batchTarget(
  db: Database,
  flags: BatchFlags,
  say: (line: string) => void,
): BatchTarget {
  const saved = readBatchSettings(db);
  const s3Uri = flags.s3Uri ?? saved.s3Uri;
  const roleArn = flags.roleArn ?? saved.roleArn;
  const missing = [
    ...(s3Uri === null
      ? [`--s3 s3://BUCKET/PREFIX, or an S3 location saved in ${BATCH_SETTINGS_PLACE}`]
      : []),
    ...(roleArn === null
      ? [`--role-arn ARN, or a service role ARN saved in ${BATCH_SETTINGS_PLACE}`]
      : []),
  ];
  if (s3Uri === null || roleArn === null) {
    throw new UsageError(`--mode batch needs ${missing.join('; and ')}.`);
  }
  say(
    flags.s3Uri === undefined
      ? `S3 location ${s3Uri} (saved in ${BATCH_SETTINGS_PLACE}; --s3 overrides it)`
      : `S3 location ${s3Uri} (from --s3)`,
  );
  say(
    flags.roleArn === undefined
      ? `service role ${roleArn} (saved in ${BATCH_SETTINGS_PLACE}; --role-arn overrides it)`
      : `service role ${roleArn} (from --role-arn)`,
  );
  return { s3Uri, roleArn, modelIds: flags.modelIds };
}
