/**
 * kill -9 of the headless CLI in each phase of a batch experiment (upload, polling, collection),
 * then a second process picks it up: no record lost, no job created twice, no call stored twice.
 * The stand-ins hold the phase open (an unanswered upload, a job waiting before InProgress, an
 * unanswered download) so that the kill lands exactly there.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBatchStandIns, type BatchStandIns } from '../../../test/support/batchFixture';
import {
  batchCli,
  expectWhole as expectWholeOf,
  readStore,
  until,
  writeParagraphs,
} from '../../../test/support/batchKill';
import { buildCli, removeCliBuild, type CliRun } from '../../../test/support/cliProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { DEFAULT_BATCH_SETTINGS, NO_SAVED_QUOTAS } from '../../shared/batch/batchSettings';
import { saveBatchSettings } from './batchSettings';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';

const PARAGRAPHS = 120;

describe('kill -9 during a batch experiment', () => {
  let stands: BatchStandIns;
  let child: CliRun | undefined;
  const temp = makeTempDir('distill-batch-kill-');
  const file = join(temp.dir, 'paragraphs.jsonl');

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

  const cli = batchCli(() => stands);
  const start = async (dir: string) => {
    child = await cli.start(dir, file);
    return child;
  };
  const { kill, resume } = cli;
  const expectWhole = (dir: string, jobs: number) => expectWholeOf(stands, dir, jobs, PARAGRAPHS);

  it('during upload: the resumed process uploads again and creates each job once', async () => {
    stands = await startBatchStandIns();
    stands.s3.holdRequests((method, key) => method === 'PUT' && key.includes('/input/'));
    const dir = join(temp.dir, 'upload');
    const run = await start(dir);
    await until(
      () => stands.s3.requests.some((r) => r.method === 'PUT' && r.key.includes('/input/')),
      'an upload',
    );
    await kill(run);
    const before = await readStore(dir);
    expect(before.jobs.map((j) => j.phase)).toEqual(['planned', 'planned']);
    stands.s3.releaseHeld();
    const r = await resume(dir, before.id);
    expect(r.code, r.stderr).toBe(0);
    await expectWhole(dir, 2);
  });

  it('during polling: the resumed process finds the stored jobs and creates none', async () => {
    stands = await startBatchStandIns();
    stands.bedrock.holdBefore('InProgress');
    const dir = join(temp.dir, 'polling');
    const run = await start(dir);
    await until(
      () => stands.bedrock.calls.filter((c) => c.op === 'get' && c.status === 200).length >= 2,
      'two polls',
    );
    await kill(run);
    const before = await readStore(dir);
    expect(before.jobs.every((j) => j.phase === 'submitted' && j.jobArn !== null)).toBe(true);
    stands.bedrock.release();
    const r = await resume(dir, before.id);
    expect(r.code, r.stderr).toBe(0);
    expect(stands.bedrock.calls.filter((c) => c.op === 'create')).toHaveLength(2);
    await expectWhole(dir, 2);
  });

  it('during collection: what was stored stays, the rest is collected, nothing twice', async () => {
    stands = await startBatchStandIns({ quotas: { minRecordsPerJob: 50 } });
    const dir = join(temp.dir, 'collect');
    const { db } = await openDatabase(databasePath(dir));
    saveBatchSettings(db, {
      ...DEFAULT_BATCH_SETTINGS,
      quotas: { ...NO_SAVED_QUOTAS, minRecordsPerJob: 50, maxRecordsPerJob: 60 },
    });
    db.close();
    let outputs = 0;
    stands.s3.holdRequests(
      (method, key) => method === 'GET' && key.endsWith('.jsonl.out') && ++outputs > 2,
    );
    const run = await start(dir);
    await until(() => outputs > 2, 'a third output download');
    await kill(run);
    const before = await readStore(dir);
    expect(before.jobs.filter((j) => j.phase === 'collected')).toHaveLength(2);
    expect(before.runs).toHaveLength(120);
    stands.s3.releaseHeld();
    const r = await resume(dir, before.id);
    expect(r.code, r.stderr).toBe(0);
    await expectWhole(dir, 4);
  });
});
