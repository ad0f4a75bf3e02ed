/**
 * Launch, track, stop and the faults of a distillation job: the app's own code and AWS SDK
 * against S3 (s3rver) and the customization-job stand-in, on a real SQLite file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AbortMultipartUploadCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTILL_BUCKET,
  DISTILL_ROLE,
  datasetLaunch,
  distillClients,
  makeDistillStore,
  startDistillStandIns,
  type DistillStandIns,
  type DistillStore,
} from '../../../test/support/distillFixture';
import { leaveUploadOpen, openUploadsUnder } from '../../../test/support/openUploads';
import type { BatchClients } from '../batch/awsClients';
import { checkTrainingJsonl, trainingLine } from '../../shared/distill/trainingRecords';
import { distillCost } from '../../shared/distill/distillEstimate';
import { getDistillJob, insertDistillJob, listDistillJobs } from '../db/repos/distillJobs';
import { completedDistillations } from './completedDistillations';
import { DistillLaunchError } from './distillErrors';
import { prepareDistill, stopDistill, trackDistill, type DistillDeps } from './distillJob';
import { readDistillSettings } from './distillService';

let stands: DistillStandIns;
let store: DistillStore;
let clients: BatchClients;

beforeEach(async () => {
  stands = await startDistillStandIns();
  store = await makeDistillStore(120);
  clients = distillClients(stands);
});
afterEach(async () => {
  clients.destroy();
  store.close();
  await stands.close();
});

const deps = (extra: Partial<DistillDeps> = {}): DistillDeps => ({
  db: store.db,
  clients,
  tuning: { pollMinMs: 2, pollMaxMs: 10 },
  ...extra,
});

async function launch(over: Parameters<typeof datasetLaunch>[1] = {}) {
  return prepareDistill(
    deps(),
    datasetLaunch(store.datasetId, over),
    readDistillSettings(store.db),
  );
}

async function bodyOf(uri: string): Promise<string> {
  const key = uri.slice(`s3://${DISTILL_BUCKET}/`.length);
  const out = await clients.s3.send(new GetObjectCommand({ Bucket: DISTILL_BUCKET, Key: key }));
  return (await out.Body?.transformToString()) ?? '';
}

describe('a distillation job from a dataset', () => {
  it('writes the prompts as bedrock-conversation-2024 JSONL, creates the job once and tracks its sub-steps to the custom model', async () => {
    const row = await launch();
    const file = await bodyOf(row.trainingUri);
    const check = checkTrainingJsonl(file, row.studentModelId);
    expect(check).toEqual({ ok: true, records: 120 });
    expect(JSON.parse(file.split('\n')[0] ?? '')).toMatchObject({
      schemaVersion: 'bedrock-conversation-2024',
      messages: [{ role: 'user', content: [{ text: expect.stringContaining('Paragraph 0') }] }],
    });

    const seen: string[] = [];
    const done = await trackDistill(
      deps({
        onChange: (id) => {
          const j = getDistillJob(store.db, id);
          if (j)
            seen.push(
              `${j.status}:${j.steps.validation}/${j.steps.dataProcessing}/${j.steps.training}`,
            );
        },
      }),
      row.id,
    );
    expect(seen).toEqual([
      'InProgress:NotStarted/NotStarted/NotStarted',
      'InProgress:Completed/InProgress/NotStarted',
      'InProgress:Completed/Completed/InProgress',
      'Completed:Completed/Completed/Completed',
    ]);
    expect(done?.phase).toBe('ended');
    const [job] = stands.bedrock.jobs;
    expect(stands.bedrock.jobs).toHaveLength(1);
    expect(job?.clientRequestToken).toBe(row.clientRequestToken);
    expect(job?.roleArn).toBe(DISTILL_ROLE);
    expect(job?.trainingDataConfig).toEqual({ s3Uri: row.trainingUri });
    expect(done?.outputModelArn).toBe(job?.outputModelArn);

    const expected = distillCost({
      prompts: 120,
      expansionFactor: 1,
      dataSource: 'teacherGenerates',
      epochs: 1,
      inputTokensPerPrompt: row.basis.inputTokensPerPrompt,
      outputTokensPerResponse: 1000,
      teacherPrice: { inputUsdPer1k: 0.0008, outputUsdPer1k: 0.0032 },
      trainingUsdPer1kTokens: 0.004,
      storageUsdPerMonth: 1.95,
    });
    expect(row.basis.inputTokensSource).toBe('counted');
    expect(row.basis.inputTokensPerPrompt).toBeGreaterThan(10);
    expect(completedDistillations(store.db)).toEqual([
      {
        jobArn: job?.jobArn,
        outputModelArn: job?.outputModelArn,
        outputModelName: 'support-micro-distilled',
        teacherModelId: 'amazon.nova-pro-v1:0',
        studentModelId: 'amazon.nova-micro-v1:0',
        region: 'us-east-1',
        oneOffCostUsd: expected.oneOffCostUsd,
        datasetId: store.datasetId,
      },
    ]);
  });

  it.each([
    ['failAtValidation', 'validation', 'Validation failed'],
    ['failAtTraining', 'training', 'Training failed'],
  ] as const)(
    '%s ends Failed with the service failure message and no custom model',
    async (script, step, said) => {
      stands.bedrock.queueScripts([script]);
      const row = await launch();
      const done = await trackDistill(deps(), row.id);
      expect(done?.status).toBe('Failed');
      expect(done?.steps[step]).toBe('Failed');
      expect(done?.failureMessage).toContain(said);
      expect(done?.actual).toBeNull();
      expect(completedDistillations(store.db)).toEqual([]);
    },
  );

  it('a create whose answer is lost is retried with the same token: one job in AWS', async () => {
    stands.bedrock.queueFaults('create', ['dropAfterCreate']);
    const row = await launch();
    const done = await trackDistill(deps(), row.id);
    expect(done?.status).toBe('Completed');
    expect(stands.bedrock.jobs).toHaveLength(1);
    expect(stands.bedrock.calls.filter((c) => c.op === 'create').length).toBeGreaterThanOrEqual(2);
  });

  it('resumes after a restart: a stored job is created once, then polled by the next process', async () => {
    const row = await launch();
    // The first process dies right after the create is sent (its answer never stored).
    const first = new AbortController();
    const firstRun = trackDistill(
      deps({ signal: first.signal, onChange: () => first.abort() }),
      row.id,
    );
    await firstRun;
    const after = getDistillJob(store.db, row.id);
    expect(after?.phase).toBe('submitted');
    // A new process on the same store picks up where the first stopped.
    const restarted = distillClients(stands);
    try {
      const done = await trackDistill({ ...deps(), clients: restarted }, row.id);
      expect(done?.status).toBe('Completed');
    } finally {
      restarted.destroy();
    }
    expect(stands.bedrock.jobs).toHaveLength(1);
  });

  it('a job stored but never created (killed before the call) is created exactly once on resume', async () => {
    const row = await launch();
    expect(getDistillJob(store.db, row.id)?.phase).toBe('planned');
    await trackDistill(deps(), row.id);
    await trackDistill(deps(), row.id);
    expect(stands.bedrock.jobs).toHaveLength(1);
  });

  it('Stop asks AWS to stop the job, and tracking ends it Stopped', async () => {
    const row = await launch();
    const first = new AbortController();
    await trackDistill(deps({ signal: first.signal, onChange: () => first.abort() }), row.id);
    const stopping = await stopDistill(deps(), row.id);
    expect(stopping?.status).toBe('Stopped');
    expect(stands.bedrock.calls.filter((c) => c.op === 'stop')).toEqual([
      { op: 'stop', status: 200 },
    ]);
    expect(stopping?.phase).toBe('ended');
  });

  it('throttled polls are noted and waited out', async () => {
    stands.bedrock.queueFaults('get', ['throttle', 'throttle', 'throttle']);
    const row = await launch();
    const done = await trackDistill(deps(), row.id);
    expect(done?.status).toBe('Completed');
    expect(done?.lastError).toBeNull();
  });
});

describe('the other sources', () => {
  it('invocation logs with reused responses: no upload, invocationLogsConfig, no teacher cost', async () => {
    const row = await launch({
      source: {
        kind: 'invocationLogs',
        s3Uri: 's3://logs-bucket/AWSLogs/111122223333/BedrockModelInvocationLogs/',
        usePromptResponse: true,
        promptCount: 5000,
        promptTokensPerPrompt: 300,
      },
    });
    expect(row.estimate.teacherGenerationUsd).toBe(0);
    expect(row.basis.inputTokensSource).toBe('typed');
    await trackDistill(deps(), row.id);
    expect(stands.bedrock.jobs[0]?.trainingDataConfig).toEqual({
      invocationLogsConfig: {
        usePromptResponse: true,
        invocationLogSource: {
          s3Uri: 's3://logs-bucket/AWSLogs/111122223333/BedrockModelInvocationLogs/',
        },
      },
    });
    expect(stands.s3.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('a training file in the schema is sent as it is', async () => {
    const path = join(store.dir, 'train.jsonl');
    const text = Array.from({ length: 110 }, (_, i) =>
      trainingLine(`question ${i}`, 'Be brief.'),
    ).join('');
    writeFileSync(path, text);
    const row = await launch({ source: { kind: 'trainingFile', path } });
    expect(row.promptCount).toBe(110);
    expect(await bodyOf(row.trainingUri)).toBe(text);
    expect(row.datasetId).toBeNull();
  });
});

describe('refusals name the field or the IAM action and create nothing', () => {
  it('a role the credentials may not pass: iam:PassRole', async () => {
    stands.bedrock.setPassableRoles(['arn:aws:iam::111122223333:role/Other']);
    const row = await launch();
    const done = await trackDistill(deps(), row.id);
    expect(done?.phase).toBe('refused');
    expect(done?.lastError).toContain('iam:PassRole');
    expect(done?.lastError).toContain(DISTILL_ROLE);
    expect(stands.bedrock.jobs).toHaveLength(0);
  });

  it('a denied create names bedrock:CreateModelCustomizationJob', async () => {
    stands.bedrock.denyOperations(['create']);
    const row = await launch();
    const done = await trackDistill(deps(), row.id);
    expect(done?.lastError).toContain('bedrock:CreateModelCustomizationJob');
    expect(stands.bedrock.jobs).toHaveLength(0);
  });

  it('a denied poll names bedrock:GetModelCustomizationJob and keeps the job open', async () => {
    stands.bedrock.denyOperations(['get']);
    const row = await launch();
    const stop = new AbortController();
    let changes = 0;
    await trackDistill(
      deps({
        signal: stop.signal,
        onChange: () => {
          changes += 1;
          if (changes === 2) stop.abort();
        },
      }),
      row.id,
    );
    const j = getDistillJob(store.db, row.id);
    expect(j?.phase).toBe('submitted');
    expect(j?.lastError).toContain('bedrock:GetModelCustomizationJob');
    stands.bedrock.denyOperations([]);
    expect((await trackDistill(deps(), row.id))?.status).toBe('Completed');
  });

  it('a bucket in another region is named with its region, and no job is stored', async () => {
    stands.s3.setBucketRegion(DISTILL_BUCKET, 'eu-west-1');
    const err = await launch().catch((e: unknown) => e);
    expect((err as DistillLaunchError).message).toContain('eu-west-1');
    expect(listDistillJobs(store.db)).toEqual([]);
  });

  it('a bucket the credentials may not write: s3:PutObject, and no job is stored', async () => {
    stands.s3.denyBucket(DISTILL_BUCKET);
    const err = await launch().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DistillLaunchError);
    expect((err as DistillLaunchError).problems[0]?.field).toBe('s3Uri');
    expect((err as DistillLaunchError).message).toContain('s3:PutObject');
    expect(listDistillJobs(store.db)).toEqual([]);
  });

  it('a pair Bedrock refuses (ValidationException) ends refused with its reason', async () => {
    // A stored job the app's list would no longer allow, as after an AWS change of pairs.
    const row = await launch();
    store.db.prepare('DELETE FROM distill_jobs').run();
    insertDistillJob(store.db, { ...row, region: 'eu-west-1', id: 'stale', jobName: 'stale-1' });
    const eu = distillClients(stands, 'eu-west-1');
    try {
      const done = await trackDistill({ ...deps(), clients: eu }, 'stale');
      expect(done?.phase).toBe('refused');
      expect(done?.lastError).toContain('not supported in region eu-west-1');
    } finally {
      eu.destroy();
    }
  });

  it('a launch above the budget needs the explicit yes, and nothing is sent without it', async () => {
    store.db
      .prepare(
        `UPDATE settings SET value_json = json_set(value_json, '$.budgetUsd', 0.01) WHERE key = 'distill'`,
      )
      .run();
    const err = await launch().catch((e: unknown) => e);
    expect((err as DistillLaunchError).problems.map((p) => p.field)).toEqual(['confirmOverBudget']);
    expect(stands.s3.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    const row = await launch({ confirmOverBudget: true });
    expect(row.phase).toBe('planned');
  });
});

describe('a launch killed while writing its training file', () => {
  const KEY = 'jobs/distill/support-micro-distilled/training.jsonl';
  const pending = () => stands.s3.pendingUploads(DISTILL_BUCKET).map((u) => u.uploadId);

  it('the next launch of the same model aborts the upload left at its key, and only that one, then writes the file once', async () => {
    // A kill mid-write leaves the multipart upload open at the model's training key; two uploads
    // that are not this launch's: a key it is the start of, and another model's training file.
    const left = [
      await leaveUploadOpen(clients.s3, DISTILL_BUCKET, KEY),
      await leaveUploadOpen(clients.s3, DISTILL_BUCKET, KEY),
    ];
    const longer = await leaveUploadOpen(clients.s3, DISTILL_BUCKET, `${KEY}.bak`);
    const other = await leaveUploadOpen(
      clients.s3,
      DISTILL_BUCKET,
      'jobs/distill/another-model/training.jsonl',
    );
    expect(await openUploadsUnder(clients.s3, DISTILL_BUCKET, KEY)).toHaveLength(3);
    stands.s3.setUploadsPageCap(1);

    const row = await launch();

    expect(row.trainingUri).toBe(`s3://${DISTILL_BUCKET}/${KEY}`);
    expect(pending().sort()).toEqual([longer, other].sort());
    for (const id of left) {
      await expect(
        clients.s3.send(
          new AbortMultipartUploadCommand({ Bucket: DISTILL_BUCKET, Key: KEY, UploadId: id }),
        ),
      ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    }
    const writes = stands.s3.requests.filter(
      (r) =>
        r.key === KEY &&
        ((r.method === 'PUT' && !r.query.includes('uploadId=')) ||
          (r.method === 'POST' && r.query.includes('uploadId='))),
    );
    expect(writes).toHaveLength(1);
    expect(checkTrainingJsonl(await bodyOf(row.trainingUri), row.studentModelId)).toEqual({
      ok: true,
      records: 120,
    });
    expect((await trackDistill(deps(), row.id))?.status).toBe('Completed');
  });

  it('credentials that may not list uploads do not stop the launch; the upload left is kept', async () => {
    const left = await leaveUploadOpen(clients.s3, DISTILL_BUCKET, KEY);
    stands.s3.denyListUploads(DISTILL_BUCKET);

    const row = await launch();

    expect(row.phase).toBe('planned');
    expect(await bodyOf(row.trainingUri)).not.toBe('');
    expect(pending()).toEqual([left]);
  });

  it('a model name whose job is still open, or whose model exists, is refused before its file is touched', async () => {
    const first = await launch();
    const err = await launch().catch((e: unknown) => e);
    expect((err as DistillLaunchError).problems).toEqual([
      {
        field: 'customModelName',
        message: `Job ${first.jobName} is training a custom model named support-micro-distilled; choose another name, or stop that job first.`,
      },
    ]);
    await trackDistill(deps(), first.id);
    const again = await launch().catch((e: unknown) => e);
    expect((again as DistillLaunchError).problems[0]?.message).toBe(
      `A custom model named support-micro-distilled exists already (job ${first.jobName} completed); choose another name.`,
    );
    const writes = stands.s3.requests.filter((r) => r.key === KEY && r.method === 'PUT');
    expect(writes).toHaveLength(1);
  });
});

describe('ListModelCustomizationJobs through the SDK paginator', () => {
  it('pages through every job with nextToken', async () => {
    for (let i = 0; i < 5; i += 1) {
      const row = await launch({ customModelName: `m${i}` });
      await trackDistill(deps({ tuning: { pollMinMs: 1, pollMaxMs: 1 } }), row.id);
    }
    const names: string[] = [];
    for await (const page of paginateListModelCustomizationJobs({ client: clients.bedrock }, {})) {
      names.push(
        ...(page.modelCustomizationJobSummaries ?? []).map((s) => s.customModelName ?? ''),
      );
    }
    expect(names.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(stands.bedrock.calls.filter((c) => c.op === 'list')).toHaveLength(3);
  });
});
