/**
 * The kill -9 tests of batch experiments share these: a wait that never sleeps a fixed time, a
 * read of what the store holds, and the headless CLI run as batch, killed and resumed.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { listBatchJobs } from '../../src/main/db/repos/batchJobs';
import { listExperiments } from '../../src/main/db/repos/experiments';
import { listRuns } from '../../src/main/db/repos/runs';
import { openDatabase } from '../../src/main/db/open';
import { databasePath } from '../../src/main/paths/dataDir';
import { BATCH_STUDENT, BATCH_TEACHER, BUCKET, ROLE, type BatchStandIns } from './batchFixture';
import { startCli, type CliRun } from './cliProcess';
import { paragraphText } from './runnerFixture';

/** Waits (never sleeps a fixed time) until `test` holds. */
export async function until(
  test: () => boolean | Promise<boolean>,
  what: string,
  tries = 3_000,
): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A JSONL paragraphs file of `n` distinct paragraphs, as `run --dataset` reads it. */
export function writeParagraphs(file: string, n: number): void {
  writeFileSync(
    file,
    Array.from({ length: n }, (_, i) => JSON.stringify({ text: paragraphText(i) })).join('\n'),
  );
}

/** The experiment of a data folder, its batch jobs and its stored calls. */
export async function readStore(dir: string) {
  const { db } = await openDatabase(databasePath(dir));
  const [experiment] = listExperiments(db);
  const id = experiment?.id ?? '';
  const out = { id, jobs: listBatchJobs(db, id), runs: listRuns(db, id) };
  db.close();
  return out;
}

/** The CLI pointed at the stand-ins, as the batch kill tests run it. */
export function batchCli(stands: () => BatchStandIns) {
  const env = () => ({
    AWS_ENDPOINT_URL_BEDROCK: stands().bedrock.url,
    AWS_ENDPOINT_URL_S3: stands().s3.url,
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: stands().quotas.url,
    DISTILL_ROI_BATCH_POLL_MS: '10',
  });
  return {
    /** `run --mode batch` of a paragraphs file, teacher and student, one repeat. */
    start: (dir: string, file: string): Promise<CliRun> =>
      startCli(
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
      ),
    kill: async (run: CliRun) => {
      run.child.kill('SIGKILL');
      const r = await run.exited;
      assert.equal(r.signal, 'SIGKILL');
    },
    /** `batch collect` in a new process: what picks the experiment up after the kill. */
    resume: async (dir: string, id: string) =>
      (await startCli(['batch', 'collect', '--experiment', id, '--data-dir', dir], env())).exited,
  };
}

/** Every job collected once, every call stored once: `paragraphs` × teacher and student. */
export async function expectWhole(
  stands: BatchStandIns,
  dir: string,
  jobs: number,
  paragraphs: number,
): Promise<void> {
  const s = await readStore(dir);
  assert.ok(
    s.jobs.every((j) => j.phase === 'collected' && j.status === 'Completed'),
    `every job collected and Completed: ${JSON.stringify(s.jobs.map((j) => [j.phase, j.status]))}`,
  );
  assert.equal(stands.bedrock.jobs.length, jobs, 'jobs created in AWS');
  assert.deepEqual(
    new Set(s.jobs.map((j) => j.jobArn)),
    new Set(stands.bedrock.jobs.map((j) => j.jobArn)),
  );
  assert.equal(s.runs.length, 2 * paragraphs, 'calls stored');
  assert.equal(
    new Set(s.runs.map((r) => `${r.paragraphId}|${r.modelId}|${r.repeatIndex}`)).size,
    2 * paragraphs,
    'distinct calls stored',
  );
  assert.ok(
    s.runs.every((r) => r.status === 'ok'),
    'every stored call a result',
  );
}
