/**
 * The issue's own size: a 50,000-paragraph experiment (100,000 records, one job per model at
 * AWS's default 50,000 records per job) run as batch by the headless CLI, killed with SIGKILL in
 * each phase and picked up by a second process: every call stored once, no job created twice.
 * The upload and the polling are held open by the stand-ins; collection is killed once a fifth
 * of the results are in the store.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET, startBatchStandIns, type BatchStandIns } from '../../../test/support/batchFixture';
import {
  batchCli,
  expectWhole,
  readStore,
  until,
  writeParagraphs,
} from '../../../test/support/batchKill';
import { buildCli, removeCliBuild, type CliRun } from '../../../test/support/cliProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { databasePath } from '../paths/dataDir';

const PARAGRAPHS = 50_000;

/** Calls stored so far, read beside the writing process (WAL lets a reader in). */
function storedCalls(dir: string): number {
  try {
    const db = new Database(databasePath(dir), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
}

describe('kill -9 of a 50,000-paragraph batch experiment', () => {
  let stands: BatchStandIns;
  let child: CliRun | undefined;
  const temp = makeTempDir('distill-batch-50k-');
  const file = join(temp.dir, 'paragraphs.jsonl');
  const cli = batchCli(() => stands);

  beforeAll(async () => {
    writeParagraphs(file, PARAGRAPHS);
    await buildCli();
  });
  afterAll(() => {
    temp.cleanup();
    removeCliBuild();
  });
  afterEach(async () => {
    child?.child.kill('SIGKILL');
    await stands.close();
  });

  it('during upload: the first input file is held unanswered, then the process dies', async () => {
    stands = await startBatchStandIns();
    stands.s3.holdRequests((method, key) => method === 'PUT' && key.includes('/input/'));
    const upload = join(temp.dir, 'upload');
    child = await cli.start(upload, file);
    await until(
      () => stands.s3.requests.some((r) => r.method === 'PUT' && r.key.includes('/input/')),
      'an upload',
      12_000,
    );
    await cli.kill(child);
    const planned = await readStore(upload);
    expect(planned.jobs.map((j) => [j.phase, j.recordCount])).toEqual([
      ['planned', PARAGRAPHS],
      ['planned', PARAGRAPHS],
    ]);
    stands.s3.releaseHeld();
    // The kill left the input's multipart upload open (S3 bills its parts until it is aborted).
    const left = stands.s3.pendingUploads(BUCKET);
    expect(left.length).toBeGreaterThan(0);
    const afterUpload = await cli.resume(upload, planned.id);
    expect(afterUpload.code, afterUpload.stderr).toBe(0);
    expect(afterUpload.stderr).toContain(`aborted ${left.length} unfinished upload(s)`);
    expect(stands.s3.pendingUploads(BUCKET)).toEqual([]);
    await expectWhole(stands, upload, 2, PARAGRAPHS);
  });

  it('during polling: the jobs wait before InProgress; the process dies between polls', async () => {
    stands = await startBatchStandIns();
    stands.bedrock.holdBefore('InProgress');
    const polling = join(temp.dir, 'polling');
    child = await cli.start(polling, file);
    await until(
      () => stands.bedrock.calls.filter((c) => c.op === 'get' && c.status === 200).length >= 2,
      'two polls',
      12_000,
    );
    await cli.kill(child);
    const submitted = await readStore(polling);
    expect(submitted.jobs.every((j) => j.phase === 'submitted' && j.jobArn !== null)).toBe(true);
    stands.bedrock.release();
    const afterPolling = await cli.resume(polling, submitted.id);
    expect(afterPolling.code, afterPolling.stderr).toBe(0);
    expect(stands.bedrock.calls.filter((c) => c.op === 'create')).toHaveLength(2);
    await expectWhole(stands, polling, 2, PARAGRAPHS);
  });

  it('during collection: the process dies while results are being stored', async () => {
    stands = await startBatchStandIns();
    const collect = join(temp.dir, 'collect');
    child = await cli.start(collect, file);
    await until(() => storedCalls(collect) >= PARAGRAPHS / 5, 'a fifth of the results', 30_000);
    await cli.kill(child);
    const partial = await readStore(collect);
    expect(partial.runs.length).toBeGreaterThanOrEqual(PARAGRAPHS / 5);
    expect(partial.runs.length).toBeLessThan(2 * PARAGRAPHS);
    const afterCollect = await cli.resume(collect, partial.id);
    expect(afterCollect.code, afterCollect.stderr).toBe(0);
    await expectWhole(stands, collect, 2, PARAGRAPHS);
  });
});
