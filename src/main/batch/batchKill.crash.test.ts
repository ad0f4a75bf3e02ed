/**
 * kill -9 of the headless CLI in each phase of a batch experiment (upload, polling, collection),
 * then a second process picks it up: no record lost, no job created twice, no call stored twice.
 * The stand-ins hold the phase open (an unanswered upload, a job waiting before InProgress, an
 * unanswered download) so that the kill lands exactly there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BATCH_STUDENT,
  BATCH_TEACHER,
  BUCKET,
  ROLE,
  startBatchStandIns,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import { buildCli, removeCliBuild, startCli, type CliRun } from '../../../test/support/cliProcess';
import { paragraphText } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { DEFAULT_BATCH_QUOTAS } from '../../shared/batch/quotas';
import { listBatchJobs } from '../db/repos/batchJobs';
import { listExperiments } from '../db/repos/experiments';
import { listRuns } from '../db/repos/runs';
import { writeSetting } from '../db/repos/settings';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';

const PARAGRAPHS = 120;

/** Waits (never sleeps a fixed time) until `test` holds. */
async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function readStore(dir: string) {
  const { db } = await openDatabase(databasePath(dir));
  const [experiment] = listExperiments(db);
  const id = experiment?.id ?? '';
  const out = { id, jobs: listBatchJobs(db, id), runs: listRuns(db, id) };
  db.close();
  return out;
}

describe('kill -9 during a batch experiment', () => {
  let stands: BatchStandIns;
  let child: CliRun | undefined;
  const temp = makeTempDir('distill-batch-kill-');
  const file = join(temp.dir, 'paragraphs.jsonl');

  beforeAll(async () => {
    writeFileSync(
      file,
      Array.from({ length: PARAGRAPHS }, (_, i) => JSON.stringify({ text: paragraphText(i) })).join(
        '\n',
      ),
    );
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

  const env = () => ({
    AWS_ENDPOINT_URL_BEDROCK: stands.bedrock.url,
    AWS_ENDPOINT_URL_S3: stands.s3.url,
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: stands.quotas.url,
    DISTILL_ROI_BATCH_POLL_MS: '10',
  });
  const start = async (dir: string) => {
    child = await startCli(
      [
        'run',
        '--data-dir',
        dir,
        '--dataset',
        file,
        '--teacher',
        BATCH_TEACHER,
        '--student',
        BATCH_STUDENT,
        '--repeats',
        '1',
        '--mode',
        'batch',
        '--s3',
        `s3://${BUCKET}/kill`,
        '--role-arn',
        ROLE,
      ],
      env(),
    );
    return child;
  };
  const kill = async (run: CliRun) => {
    run.child.kill('SIGKILL');
    const r = await run.exited;
    expect(r.signal).toBe('SIGKILL');
  };
  const resume = async (dir: string, id: string) =>
    (await startCli(['batch', 'collect', '--experiment', id, '--data-dir', dir], env())).exited;

  const expectWhole = async (dir: string, jobs: number) => {
    const s = await readStore(dir);
    expect(s.jobs.every((j) => j.phase === 'collected' && j.status === 'Completed')).toBe(true);
    expect(stands.bedrock.jobs).toHaveLength(jobs);
    expect(new Set(s.jobs.map((j) => j.jobArn))).toEqual(
      new Set(stands.bedrock.jobs.map((j) => j.jobArn)),
    );
    expect(s.runs).toHaveLength(2 * PARAGRAPHS);
    expect(new Set(s.runs.map((r) => `${r.paragraphId}|${r.modelId}|${r.repeatIndex}`)).size).toBe(
      2 * PARAGRAPHS,
    );
  };

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
    writeSetting(db, 'batchQuotas', {
      ...DEFAULT_BATCH_QUOTAS,
      minRecordsPerJob: 50,
      maxRecordsPerJob: 60,
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
