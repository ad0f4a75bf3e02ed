import { batchPlanNotes } from '../../shared/batch/batchDomain';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BATCH_STUDENT,
  BUCKET,
  ROLE,
  fastDeps,
  makeBatchExperiment,
  startBatchStandIns,
  testBatchClients,
  type BatchExperiment,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import type { BatchStandInOptions } from '../../../test/support/batchStandIn';
import { DEFAULT_BATCH_QUOTAS } from '../../shared/batch/quotas';
import { listBatchJobs } from '../db/repos/batchJobs';
import { getExperiment } from '../db/repos/experiments';
import { insertBatchRuns, listRuns } from '../db/repos/runs';
import type { BatchClients } from './awsClients';
import { BatchSetupError } from './batchErrors';
import { advanceBatch, stopBatch } from './batchPipeline';
import { setupBatch, type BatchRequest } from './batchSetup';
import { collectJobOutput } from './collectOutput';
import { getBatchSetup } from '../db/repos/batchJobs';
import { listParagraphs } from '../db/repos/paragraphs';

let stands: BatchStandIns | undefined;
let exp: BatchExperiment | undefined;
let clients: BatchClients | undefined;
afterEach(async () => {
  clients?.destroy();
  exp?.close();
  await stands?.close();
  stands = exp = clients = undefined;
});

async function setUp(
  paragraphs: number,
  o: Partial<Omit<BatchStandInOptions, 's3Endpoint'>> = {},
  students?: string[],
) {
  stands = await startBatchStandIns(o);
  exp = await makeBatchExperiment({ paragraphs, ...(students ? { students } : {}) });
  clients = testBatchClients(stands);
  return { stands, exp, clients };
}

const REQ: BatchRequest = { s3Uri: `s3://${BUCKET}/exp`, roleArn: ROLE };

async function runToEnd(req: BatchRequest = REQ) {
  if (!exp || !clients) throw new Error('set up first');
  await setupBatch(exp.db, clients, exp.experimentId, req, 'us-east-1');
  return advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });
}

describe('record errors and damaged output', () => {
  it('stores record errors as failed calls with their reason, and the counts agree with the manifest', async () => {
    const { stands, exp } = await setUp(100);
    stands.bedrock.queueScripts([{ errorEvery: 10 }, {}]);
    const o = await runToEnd();
    const teacherJob = o.jobs.find((j) => j.partIndex === 0 && j.storedErrors === 10);
    expect(teacherJob).toMatchObject({
      storedOk: 90,
      storedErrors: 10,
      notReturned: 0,
      collectNote: null,
    });
    const failed = listRuns(exp.db, exp.experimentId).filter((r) => r.status === 'error');
    expect(failed).toHaveLength(10);
    expect(failed[0]?.errorMessage).toContain('Batch record error 400: Malformed input request');
    expect(getExperiment(exp.db, exp.experimentId)?.statusReason).toContain('10 record errors');
  });

  it('reports a truncated file, missing records and a manifest that disagrees, and stores what was readable', async () => {
    const { stands, exp } = await setUp(100);
    stands.bedrock.queueScripts([
      { truncate: true, dropRecords: 5, manifest: 'wrong' },
      { manifest: 'missing' },
    ]);
    const o = await runToEnd();
    const [damaged, noManifest] = o.jobs.sort((a, b) => (a.storedOk ?? 0) - (b.storedOk ?? 0));
    // 5 dropped, and the truncated last line is unreadable: 94 results.
    expect(damaged).toMatchObject({ storedOk: 94, storedErrors: 0, notReturned: 6 });
    expect(damaged?.collectNote).toContain('1 output line(s) could not be read');
    expect(damaged?.collectNote).toContain(
      'The manifest says 107 successful records, the output files hold 94.',
    );
    expect(noManifest?.collectNote).toContain('manifest.json.out is missing');
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(194);
  });

  it('collecting the same output twice stores no call twice', async () => {
    const { exp, clients } = await setUp(100);
    await runToEnd();
    const job = listBatchJobs(exp.db, exp.experimentId)[0];
    const experiment = getExperiment(exp.db, exp.experimentId);
    const price = getBatchSetup(exp.db, exp.experimentId)?.prices[0];
    if (!job || !experiment || !price) throw new Error('missing');
    const again = await collectJobOutput(
      exp.db,
      clients.s3,
      job,
      { experiment, paragraphs: listParagraphs(exp.db, experiment.config.datasetId) },
      price,
    );
    expect(again.storedOk).toBe(100);
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(200);
  });
});

describe('jobs that do not complete', () => {
  it.each([
    [
      'Failed',
      { outcome: 'Failed', failMessage: 'The input file is not valid JSONL.' },
      0,
      'Failed (The input file is not valid JSONL.)',
    ],
    ['Expired', { outcome: 'Expired' }, 0, 'Expired: the job did not start'],
    [
      'PartiallyCompleted',
      { outcome: 'PartiallyCompleted', processShare: 0.4 },
      40,
      'Partially completed',
    ],
  ] as const)(
    '%s ends in a clear state with what was recovered',
    async (status, script, recovered, note) => {
      const { stands, exp } = await setUp(100);
      stands.bedrock.queueScripts([script, script]);
      const o = await runToEnd();
      for (const j of o.jobs) {
        expect(j.status).toBe(status);
        expect(j.phase).toBe('collected');
        expect(j.storedOk).toBe(recovered);
        expect(j.notReturned).toBe(100 - recovered);
        expect(j.collectNote).toContain(note);
      }
      expect(listRuns(exp.db, exp.experimentId)).toHaveLength(2 * recovered);
      expect(getExperiment(exp.db, exp.experimentId)?.statusReason).toContain(
        `${200 - 2 * recovered} records without a result`,
      );
    },
  );

  it('Stop stops running jobs, and they end Stopped', async () => {
    const { stands, exp, clients } = await setUp(100);
    stands.bedrock.holdBefore('InProgress');
    await setupBatch(exp.db, clients, exp.experimentId, REQ, 'us-east-1');
    await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: false });
    expect(listBatchJobs(exp.db, exp.experimentId).every((j) => j.jobArn !== null)).toBe(true);
    await stopBatch(fastDeps(exp.db, clients), exp.experimentId);
    expect(listBatchJobs(exp.db, exp.experimentId).map((j) => j.status)).toEqual([
      'Stopping',
      'Stopping',
    ]);
    stands.bedrock.release();
    const o = await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });
    expect(o.jobs.map((j) => j.status)).toEqual(['Stopped', 'Stopped']);
    expect(o.jobs.every((j) => j.collectNote?.startsWith('Stopped'))).toBe(true);
  });
});

describe('the control plane misbehaving', () => {
  it('throttling, 5xx and a lost create answer never make a second job', async () => {
    const { stands, exp } = await setUp(100);
    stands.bedrock.queueFaults('create', [
      'throttle',
      'internal',
      'dropAfterCreate',
      'unavailable',
    ]);
    stands.bedrock.queueFaults('get', ['throttle', 'internal', 'unavailable', 'throttle']);
    const o = await runToEnd();
    expect(stands.bedrock.jobs).toHaveLength(2);
    expect(new Set(o.jobs.map((j) => j.jobArn))).toEqual(
      new Set(stands.bedrock.jobs.map((j) => j.jobArn)),
    );
    expect(o.jobs.map((j) => j.status)).toEqual(['Completed', 'Completed']);
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(200);
  });

  it('a stored job that Bedrock does not know ends as failed with the reason', async () => {
    const { exp, clients } = await setUp(100);
    await setupBatch(exp.db, clients, exp.experimentId, REQ, 'us-east-1');
    await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: false });
    exp.db
      .prepare(
        "UPDATE batch_jobs SET job_arn = 'arn:aws:bedrock:us-east-1:111122223333:model-invocation-job/zzzzzzzzzzzz', status = 'InProgress'",
      )
      .run();
    const o = await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });
    expect(o.finished).toBe(true);
    expect(o.jobs.every((j) => j.phase === 'failed')).toBe(true);
    expect(o.jobs[0]?.message).toContain('Bedrock does not know job');
  });

  it('a role the caller may not pass ends the job as failed, naming the role; nothing is lost', async () => {
    const { exp } = await setUp(100, { passableRoles: ['arn:aws:iam::111122223333:role/Other'] });
    const o = await runToEnd();
    expect(o.jobs.every((j) => j.phase === 'failed' && j.jobArn === null)).toBe(true);
    expect(o.jobs[0]?.message).toContain(`iam:PassRole on resource: ${ROLE}`);
    expect(getExperiment(exp.db, exp.experimentId)?.statusReason).toContain(
      '200 records without a result',
    );
  });

  it('a role without access to the bucket fails validation with the reason', async () => {
    const { stands } = await setUp(100);
    stands.bedrock.denyS3ForRole(ROLE);
    const o = await runToEnd();
    expect(o.jobs.every((j) => j.status === 'Failed')).toBe(true);
    expect(o.jobs[0]?.collectNote).toContain('could not access');
  });
});

describe('bad setup is refused before anything is stored or uploaded', () => {
  const refused = async (req: BatchRequest, message: string | RegExp) => {
    if (!exp || !clients) throw new Error('set up first');
    const attempt = setupBatch(exp.db, clients, exp.experimentId, req, 'us-east-1');
    await expect(attempt).rejects.toBeInstanceOf(BatchSetupError);
    await expect(attempt).rejects.toThrow(message);
    expect(listBatchJobs(exp.db, exp.experimentId)).toEqual([]);
    expect(getBatchSetup(exp.db, exp.experimentId)).toBeNull();
  };

  it('a missing bucket, a denied bucket and a bucket in another region', async () => {
    const { stands } = await setUp(100);
    await refused(
      { ...REQ, s3Uri: 's3://no-such-bucket/x' },
      'The S3 bucket "no-such-bucket" does not exist',
    );
    stands.s3.denyBucket(BUCKET);
    await refused(REQ, `Access to the S3 bucket "${BUCKET}" was denied`);
    stands.s3.denyBucket(BUCKET, false);
    stands.s3.setBucketRegion(BUCKET, 'eu-west-1');
    await refused(REQ, `The S3 bucket "${BUCKET}" is in`);
    expect(stands.s3.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('a malformed location or role names the field', async () => {
    await setUp(100);
    await refused(
      { ...REQ, s3Uri: 'bucket/prefix' },
      'S3 location must look like s3://BUCKET/PREFIX',
    );
    await refused({ ...REQ, roleArn: 'BedrockBatchRole' }, 'Service role ARN must look like');
  });

  it('below the minimum records per job it says so and offers on-demand', async () => {
    await setUp(99);
    await refused(
      REQ,
      /99 records is below the batch minimum of 100 per job; run this model on demand instead/,
    );
  });

  it('a model that already has stored calls is not sent again', async () => {
    await setUp(100);
    if (!exp) throw new Error('set up first');
    const [p] = listParagraphs(
      exp.db,
      getExperiment(exp.db, exp.experimentId)?.config.datasetId ?? '',
    );
    insertBatchRuns(exp.db, [
      {
        experimentId: exp.experimentId,
        paragraphId: p?.id ?? '',
        modelId: BATCH_STUDENT,
        role: 'student',
        repeatIndex: 0,
        status: 'ok',
        outputText: 'x',
        stopReason: 'end_turn',
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 0,
        errorClass: null,
        errorMessage: null,
        startedAt: 't',
        finishedAt: 't',
      },
    ]);
    await refused(REQ, `${BATCH_STUDENT} already has 1 stored calls`);
  });

  it('a model without a batch price cannot be sent to batch', async () => {
    await setUp(100, {}, ['test.unpriced-v1:0']);
    await refused(REQ, 'test.unpriced-v1:0 has no batch price');
  });
});

describe('quotas', () => {
  it('splits a large experiment into several jobs and files within the quotas', async () => {
    const quotas = {
      ...DEFAULT_BATCH_QUOTAS,
      minRecordsPerJob: 50,
      maxRecordsPerJob: 100,
      maxRecordsPerFile: 40,
    };
    const { stands, exp } = await setUp(250, { quotas });
    const o = await runToEnd({ ...REQ, modelIds: [BATCH_STUDENT], quotas });
    expect(o.jobs.map((j) => j.recordCount)).toEqual([84, 83, 83]);
    expect(listBatchJobs(exp.db, exp.experimentId).map((j) => j.files.map((f) => f.count))).toEqual(
      [
        [28, 28, 28],
        [28, 28, 27],
        [28, 28, 27],
      ],
    );
    expect(o.jobs.every((j) => j.status === 'Completed' && j.storedOk === j.recordCount)).toBe(
      true,
    );
    expect(stands.bedrock.jobs).toHaveLength(3);
    expect(listRuns(exp.db, exp.experimentId)).toHaveLength(250);
    // The job panel and the CLI say which quotas applied and why the model went as three jobs.
    expect(batchPlanNotes(o, (id) => `<${id}>`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^<${BATCH_STUDENT}>: your account's Service Quotas \\(read \\d{4}-\\d{2}-\\d{2}\\) list no batch quotas for this model, so all quotas are your settings \\(minimum records per job 50, records per job 100, records per input file 40, input file size 1 GB, job size 5 GB\\)\\.$`,
        ),
      ),
      `<${BATCH_STUDENT}>: 250 records exceed the 100 records per job, so they go as 3 jobs (84 + 83 + 83 records, 9 input files).`,
    ]);
  });
});
