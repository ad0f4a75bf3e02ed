/**
 * `run --mode batch` and `batch status|stop|collect` as a child process, against S3 (s3rver)
 * and the batch stand-in, through the real AWS SDK.
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
import { buildCli, removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { startBedrockStandIn } from '../../../test/support/bedrockStandIn';
import { paragraphText } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { listExperiments } from '../db/repos/experiments';
import { listRuns } from '../db/repos/runs';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import type { CliSummary } from './cliSummary';
import { modelName } from '../../shared/report/names';
import { DEFAULT_BATCH_SETTINGS } from '../../shared/batch/batchSettings';
import { saveBatchSettings } from '../batch/batchSettings';

describe('distill-roi run --mode batch', () => {
  let stands: BatchStandIns;
  const temp = makeTempDir('distill-cli-batch-');
  const file = join(temp.dir, 'paragraphs.jsonl');
  const small = join(temp.dir, 'small.jsonl');

  beforeAll(async () => {
    writeFileSync(
      file,
      Array.from({ length: 120 }, (_, i) => JSON.stringify({ text: paragraphText(i) })).join('\n'),
    );
    writeFileSync(
      small,
      Array.from({ length: 30 }, (_, i) => JSON.stringify({ text: paragraphText(i) })).join('\n'),
    );
    await buildCli();
  });
  afterAll(() => {
    temp.cleanup();
    removeCliBuild();
  });
  afterEach(async () => {
    await stands.close();
  });

  const env = () => ({
    AWS_ENDPOINT_URL_BEDROCK: stands.bedrock.url,
    AWS_ENDPOINT_URL_S3: stands.s3.url,
    AWS_ENDPOINT_URL_SERVICE_QUOTAS: stands.quotas.url,
    DISTILL_ROI_BATCH_POLL_MS: '10',
  });
  const cli = async (...args: string[]) => (await startCli(args, env())).exited;
  const batchRun = (dir: string, data = file) => [
    'run',
    '--data-dir',
    dir,
    '--dataset',
    data,
    '--teacher',
    BATCH_TEACHER,
    '--student',
    BATCH_STUDENT,
    '--repeats',
    '1',
    '--mode',
    'batch',
    '--s3',
    `s3://${BUCKET}/cli`,
    '--role-arn',
    ROLE,
  ];

  it('runs an experiment as batch jobs end to end, then status and collect report it', async () => {
    stands = await startBatchStandIns();
    // The account raised the student's records per job; nothing else is listed for either model.
    stands.quotas.setQuotas([
      { name: `Records per batch inference job for ${modelName(BATCH_STUDENT)}`, value: 40_000 },
    ]);
    const dir = join(temp.dir, 'e2e');
    const r = await cli(...batchRun(dir), '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as CliSummary & { batch: { jobs: { status: string }[] } };
    expect(summary).toMatchObject({ status: 'completed', done: 240, total: 240, failed: 0 });
    expect(summary.batch.jobs.map((j) => j.status)).toEqual(['Completed', 'Completed']);
    // Batch calls have no latency: the summary says nothing rather than zero.
    expect(summary.models.map((m) => [m.modelId, m.calls, m.e2e.mean])).toEqual([
      [BATCH_TEACHER, 120, null],
      [BATCH_STUDENT, 120, null],
    ]);
    expect(stands.bedrock.jobs).toHaveLength(2);
    expect(r.stderr).toMatch(/estimate at batch prices: about \$[\d.]+ for 240 calls/);
    // The CLI says which quotas came from the account (and when read) and which are defaults.
    const day = new Date().toISOString().slice(0, 10);
    const sharedNote =
      "Both models: minimum records per job 100, records per input file 50,000, input file size 1 GB, job size 5 GB are AWS's documented defaults.";
    const teacherNote = `${modelName(BATCH_TEACHER)}: your account's Service Quotas (read ${day}) list no batch quotas for this model, so records per job 50,000 is AWS's documented default.`;
    const studentNote = `${modelName(BATCH_STUDENT)}: records per job 40,000 from your account (Service Quotas, read ${day}).`;
    expect(r.stderr).toContain(sharedNote);
    expect(r.stderr).toContain(teacherNote);
    expect(r.stderr).toContain(studentNote);

    const status = await cli(
      'batch',
      'status',
      '--experiment',
      summary.experimentId,
      '--data-dir',
      dir,
    );
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(studentNote);
    expect(status.stdout).toContain(
      'Completed · collected  120/120  120 ok, 0 errors, 0 without result',
    );
    const collect = await cli(
      'batch',
      'collect',
      '--experiment',
      summary.experimentId,
      '--data-dir',
      dir,
    );
    expect(collect.code).toBe(0);
    expect(collect.stdout).toContain('240 of 240 calls stored, 0 failed');
    const { db } = await openDatabase(databasePath(dir));
    expect(listRuns(db, summary.experimentId)).toHaveLength(240);
    db.close();
  });

  it('record errors are failed calls, made again on demand by a resume with --retry-failed', async () => {
    stands = await startBatchStandIns();
    stands.bedrock.queueScripts([{ errorEvery: 10 }, { errorEvery: 20 }]);
    const runtime = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5, output: 'student' },
    });
    try {
      const dir = join(temp.dir, 'retry');
      const r = await cli(...batchRun(dir), '--json');
      expect(r.code).toBe(1);
      const summary = JSON.parse(r.stdout) as CliSummary;
      expect(summary).toMatchObject({ done: 240, failed: 18 });
      const retry = await cli(
        'run',
        '--resume',
        summary.experimentId,
        '--retry-failed',
        '--data-dir',
        dir,
        '--endpoint',
        runtime.url,
        '--json',
      );
      expect(retry.code, retry.stderr).toBe(0);
      expect(retry.stderr).toContain('making the missing calls on demand');
      expect(runtime.requests).toHaveLength(18);
      const { db } = await openDatabase(databasePath(dir));
      const runs = listRuns(db, summary.experimentId);
      expect(runs.filter((x) => x.status === 'ok')).toHaveLength(240);
      expect(runs.filter((x) => x.via === 'on-demand').every((x) => x.e2eMs !== null)).toBe(true);
      expect(runs.filter((x) => x.via === 'batch')).toHaveLength(222);
      db.close();
    } finally {
      await runtime.close();
    }
  });

  it('a Failed job names the command that makes its records on demand, and that command makes them', async () => {
    stands = await startBatchStandIns();
    stands.bedrock.queueScripts([{ outcome: 'Failed' }, {}]);
    const runtime = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5, output: 'student' },
    });
    try {
      const dir = join(temp.dir, 'failed-job');
      const r = await cli(...batchRun(dir), '--json');
      expect(r.code).toBe(1);
      const summary = JSON.parse(r.stdout) as CliSummary & {
        batch: { jobs: { status: string; collectNote: string | null }[] };
      };
      const failed = summary.batch.jobs.find((j) => j.status === 'Failed');
      const command = `distill-roi run --resume ${summary.experimentId}`;
      expect(failed?.collectNote).toContain(
        `run them on demand with "Run missing calls on demand" in the run panel, or ${command}.`,
      );
      expect(failed?.collectNote).not.toContain('new batch');

      const [, ...args] = command.split(' ');
      const again = await cli(...args, '--data-dir', dir, '--endpoint', runtime.url, '--json');
      expect(again.code, again.stderr).toBe(0);
      expect(runtime.requests).toHaveLength(120);
      const { db } = await openDatabase(databasePath(dir));
      const runs = listRuns(db, summary.experimentId);
      expect(runs.filter((x) => x.status === 'ok')).toHaveLength(240);
      expect(runs.filter((x) => x.via === 'on-demand')).toHaveLength(120);
      db.close();
    } finally {
      await runtime.close();
    }
  });

  it('--batch-model sends one model to batch while the other runs on demand, each call made once', async () => {
    stands = await startBatchStandIns();
    const runtime = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5, output: 'student' },
    });
    try {
      const dir = join(temp.dir, 'mixed');
      const r = await cli(
        ...batchRun(dir),
        '--batch-model',
        BATCH_STUDENT,
        '--endpoint',
        runtime.url,
        '--json',
      );
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as CliSummary;
      expect(summary).toMatchObject({ done: 240, total: 240, failed: 0 });
      expect(stands.bedrock.jobs.map((j) => j.modelId)).toEqual([BATCH_STUDENT]);
      expect(runtime.requests.map((q) => q.modelId)).toEqual(new Array(120).fill(BATCH_TEACHER));
      const { db } = await openDatabase(databasePath(dir));
      const runs = listRuns(db, summary.experimentId);
      expect(runs.filter((x) => x.modelId === BATCH_STUDENT).every((x) => x.via === 'batch')).toBe(
        true,
      );
      expect(
        runs
          .filter((x) => x.modelId === BATCH_TEACHER)
          .every((x) => x.via === 'on-demand' && x.e2eMs !== null),
      ).toBe(true);
      db.close();
    } finally {
      await runtime.close();
    }
  });

  it('--no-wait returns once the jobs exist; stop then collect ends them Stopped', async () => {
    stands = await startBatchStandIns();
    stands.bedrock.holdBefore('InProgress');
    const dir = join(temp.dir, 'nowait');
    const r = await cli(...batchRun(dir), '--no-wait');
    expect(r.code).toBe(1);
    const id = /experiment (\S+)/.exec(r.stderr)?.[1] ?? '';
    expect(r.stderr).toContain(`distill-roi batch collect --experiment ${id}`);
    expect(stands.bedrock.jobs).toHaveLength(2);
    const stop = await cli('batch', 'stop', '--experiment', id, '--data-dir', dir);
    expect(stop.code, stop.stderr).toBe(0);
    stands.bedrock.release();
    const collect = await cli('batch', 'collect', '--experiment', id, '--data-dir', dir, '--json');
    expect(collect.code, collect.stderr).toBe(0);
    const o = JSON.parse(collect.stdout) as {
      finished: boolean;
      jobs: { status: string; collectNote: string }[];
    };
    expect(o.finished).toBe(true);
    expect(o.jobs.map((j) => j.status)).toEqual(['Stopped', 'Stopped']);
  });

  it('below the minimum it says so, prints the same run on demand, and that command runs it', async () => {
    stands = await startBatchStandIns();
    const runtime = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5, output: 'student' },
    });
    try {
      const dir = join(temp.dir, 'small');
      const r = await cli(...batchRun(dir, small));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        '30 records is below the batch minimum of 100 per job; run this model on demand instead.',
      );
      const printed = `distill-roi run --data-dir ${dir} --dataset ${small} --teacher ${BATCH_TEACHER} --student ${BATCH_STUDENT} --repeats 1`;
      expect(r.stderr).toContain(
        `To run on demand instead (the same run without --mode batch, --s3, --role-arn and --batch-model):\n  ${printed}\n`,
      );
      const { db } = await openDatabase(databasePath(dir));
      expect(listExperiments(db)).toEqual([]);
      db.close();
      expect(stands.bedrock.jobs).toHaveLength(0);

      // The printed command, as printed (the test's runtime endpoint added), runs it on demand.
      const [, ...args] = printed.split(' ');
      const onDemand = await cli(...args, '--endpoint', runtime.url, '--json');
      expect(onDemand.code, onDemand.stderr).toBe(0);
      expect(JSON.parse(onDemand.stdout)).toMatchObject({ done: 60, failed: 0 });
      expect(runtime.requests).toHaveLength(60);
    } finally {
      await runtime.close();
    }
  });

  it('without --s3 and --role-arn it uses the saved batch settings and says so', async () => {
    stands = await startBatchStandIns();
    const dir = join(temp.dir, 'saved');
    const { db } = await openDatabase(databasePath(dir));
    saveBatchSettings(db, {
      ...DEFAULT_BATCH_SETTINGS,
      roleArn: ROLE,
      s3Uri: `s3://${BUCKET}/saved`,
    });
    db.close();
    const flagless = batchRun(dir).slice(0, -4);
    expect(flagless.slice(-2)).toEqual(['--mode', 'batch']);
    const r = await cli(...flagless, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `S3 location s3://${BUCKET}/saved (saved in Settings › Batch inference; --s3 overrides it)`,
    );
    expect(r.stderr).toContain(
      `service role ${ROLE} (saved in Settings › Batch inference; --role-arn overrides it)`,
    );
    const summary = JSON.parse(r.stdout) as CliSummary;
    expect(summary).toMatchObject({ status: 'completed', done: 240, total: 240, failed: 0 });
    expect(stands.bedrock.jobs.map((j) => [j.roleArn, j.inputUri.split('/').slice(0, 5)])).toEqual([
      [ROLE, ['s3:', '', BUCKET, 'saved', summary.experimentId]],
      [ROLE, ['s3:', '', BUCKET, 'saved', summary.experimentId]],
    ]);

    // A flag given wins over the setting, and the CLI says which came from where.
    const other = 'arn:aws:iam::111122223333:role/OtherBatchRole';
    stands.bedrock.holdBefore('InProgress');
    const mixed = await cli(...flagless, '--role-arn', other, '--no-wait');
    expect(mixed.stderr).toContain(`service role ${other} (from --role-arn)`);
    expect(mixed.stderr).toContain(`S3 location s3://${BUCKET}/saved (saved in`);
    expect(stands.bedrock.jobs.slice(2).map((j) => j.roleArn)).toEqual([other, other]);
    stands.bedrock.release();
  });

  it('bad batch flags are refused before any experiment is created, naming the flag and the setting', async () => {
    stands = await startBatchStandIns();
    const dir = join(temp.dir, 'usage');
    const noRole = await cli(
      'run',
      '--data-dir',
      dir,
      '--dataset',
      file,
      '--teacher',
      BATCH_TEACHER,
      '--student',
      BATCH_STUDENT,
      '--mode',
      'batch',
      '--s3',
      `s3://${BUCKET}/x`,
    );
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain(
      '--mode batch needs --role-arn ARN, or a service role ARN saved in Settings › Batch inference.',
    );
    // No flag and nothing saved: the message names both flags and the setting.
    const neither = await cli(...batchRun(dir).slice(0, -4));
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain(
      '--mode batch needs --s3 s3://BUCKET/PREFIX, or an S3 location saved in Settings › Batch inference; and --role-arn ARN, or a service role ARN saved in Settings › Batch inference.',
    );
    const badS3 = await cli(
      ...batchRun(dir).map((a) => (a === `s3://${BUCKET}/cli` ? 'bucket/cli' : a)),
    );
    expect(badS3.code).toBe(2);
    expect(badS3.stderr).toContain('--s3 must look like s3://BUCKET/PREFIX');
    const unknown = await cli('batch', 'collect', '--experiment', 'nope', '--data-dir', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No batch experiment nope');
    const { db } = await openDatabase(databasePath(dir));
    expect(listExperiments(db)).toEqual([]);
    db.close();
    expect(stands.bedrock.jobs).toHaveLength(0);
  });
});
