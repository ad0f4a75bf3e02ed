/**
 * The batch settings through the channels, on a real SQLite file: saved, read back by a new
 * core on the same folder (as after a restart), normalised (trimmed, NFC, empty is nothing
 * saved), and refused naming the field, with nothing saved on a refusal.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/tempDir';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { startCore, type AppCore } from '../core/startCore';
import { dispatch } from '../service/dispatch';
import {
  DEFAULT_BATCH_SETTINGS,
  NO_SAVED_QUOTAS,
  type BatchSettings,
} from '../../shared/batch/batchSettings';
import type { Result } from '../../shared/ipc/result';

const GB = 1024 * 1024 * 1024;
const ROLE = 'arn:aws:iam::111122223333:role/BedrockBatchRole';

const temp = makeTempDir('distill-batch-settings-');
afterAll(() => temp.cleanup());
let core: AppCore | undefined;
let dir = '';
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** A core on a new data folder, or (again) on the same one: a restart. */
const open = async (again = false) => {
  await core?.close();
  if (!again) dir = join(temp.dir, randomUUID());
  core = await startCore({
    dataDir: dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  return core;
};
const call = async (channel: 'getBatchSettings' | 'saveBatchSettings', input: unknown) =>
  (await dispatch((core ?? (await open())).ctx, channel, input)) as Result<BatchSettings>;

describe('batch settings', () => {
  it('are saved, read back after a restart, and normalised', async () => {
    await open();
    expect(await call('getBatchSettings', {})).toEqual({ ok: true, value: DEFAULT_BATCH_SETTINGS });
    const saved = await call('saveBatchSettings', {
      // Typed (or pasted) with spaces around.
      roleArn: `  ${ROLE} `,
      s3Uri: ' s3://distill-batch/runs ',
      quotas: { ...NO_SAVED_QUOTAS, maxRecordsPerJob: 20_000, maxFileBytes: 2 * GB },
    });
    const expected: BatchSettings = {
      roleArn: ROLE,
      s3Uri: 's3://distill-batch/runs',
      quotas: { ...NO_SAVED_QUOTAS, maxRecordsPerJob: 20_000, maxFileBytes: 2 * GB },
    };
    expect(saved).toEqual({ ok: true, value: expected });
    await open(true);
    expect(await call('getBatchSettings', {})).toEqual({ ok: true, value: expected });

    // Emptied: nothing saved, each quota back to AWS's documented default.
    expect(
      await call('saveBatchSettings', { roleArn: '', s3Uri: '   ', quotas: NO_SAVED_QUOTAS }),
    ).toEqual({ ok: true, value: DEFAULT_BATCH_SETTINGS });
  });

  it('check a role typed in decomposed Unicode in its NFC form', async () => {
    await open();
    const decomposed = 'arn:aws:iam::111122223333:role/Cafe\u0301';
    const r = await call('saveBatchSettings', { ...DEFAULT_BATCH_SETTINGS, roleArn: decomposed });
    // The role name rule refuses what IAM refuses; the message quotes the NFC form.
    expect(r.ok ? '' : r.error.message).toContain('role/Caf\u00e9');
  });

  it.each([
    [{ roleArn: 'BedrockBatchRole' }, /^roleArn: Service role ARN must look like arn:aws:iam::/],
    [{ roleArn: `${ROLE}\u0000` }, /^roleArn: Service role ARN cannot contain a NUL character/],
    [{ roleArn: 'x'.repeat(2049) }, /^roleArn: Service role ARN can have at most 2048 characters/],
    [{ s3Uri: 'distill-batch/runs' }, /^s3Uri: S3 location must look like s3:\/\/BUCKET\/PREFIX/],
    [{ s3Uri: 's3://Bad_Bucket/x' }, /^s3Uri: S3 location: "Bad_Bucket" is not a valid S3 bucket/],
    [
      { quotas: { ...NO_SAVED_QUOTAS, minRecordsPerJob: 0 } },
      /^quotas\.minRecordsPerJob: Minimum records per job must be a whole number from 1 to 1,000,000/,
    ],
    [
      { quotas: { ...NO_SAVED_QUOTAS, maxRecordsPerFile: 12.5 } },
      /^quotas\.maxRecordsPerFile: Records per input file must be a whole number/,
    ],
    [
      { quotas: { ...NO_SAVED_QUOTAS, maxJobBytes: 1000 * GB } },
      /^quotas\.maxJobBytes: Job size must be from 0\.01 GB to 900 GB/,
    ],
    [
      { quotas: { ...NO_SAVED_QUOTAS, minRecordsPerJob: 500, maxRecordsPerJob: 400 } },
      /^quotas\.minRecordsPerJob: Minimum records per job \(500\) cannot be above records per job \(400\)/,
    ],
    [
      // Against the default it was left at, which the message says.
      { quotas: { ...NO_SAVED_QUOTAS, maxFileBytes: 6 * GB } },
      /^quotas\.maxFileBytes: Input file size \(6 GB\) cannot be above the job size \(5 GB, AWS's documented default\)/,
    ],
  ])('refuse %o naming the field, and save nothing', async (over, message) => {
    await open();
    const good = { roleArn: ROLE, s3Uri: 's3://distill-batch/runs', quotas: NO_SAVED_QUOTAS };
    expect((await call('saveBatchSettings', good)).ok).toBe(true);
    const r = await call('saveBatchSettings', { ...good, ...over });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ok ? '' : r.error.message).toMatch(message);
    expect(await call('getBatchSettings', {})).toEqual({ ok: true, value: good });
  });
});
