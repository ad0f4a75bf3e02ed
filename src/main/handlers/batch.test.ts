/**
 * Batch from the app's side: the channels the renderer calls, a real core on a real SQLite file,
 * the real SDK against S3 (s3rver) and the batch stand-in; and tracking that resumes when the
 * app is started again on the same data folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BATCH_STUDENT,
  BUCKET,
  ROLE,
  TEST_KEY,
  startBatchStandIns,
} from '../../../test/support/batchFixture';
import { paragraphText } from '../../../test/support/runnerFixture';
import { useStandInCores } from '../../../test/support/standInCore';
import type { AppCore } from '../core/startCore';
import { batchPlanNotes, type BatchOverview } from '../../shared/batch/batchDomain';
import { modelName } from '../../shared/report/names';
import type { AppEvent } from '../../shared/ipc/events';

const harness = useStandInCores({
  startStandIns: startBatchStandIns,
  env: {
    AWS_ACCESS_KEY_ID: TEST_KEY,
    AWS_SECRET_ACCESS_KEY: 'batch-app-secret',
    DISTILL_ROI_BATCH_POLL_MS: '10',
  },
  hooks: { beforeEach, afterEach },
  tempPrefix: 'distill-batch-app-',
});
const core = harness.core;

async function newExperiment(value: (ch: string, input: unknown) => Promise<never>) {
  const dataset = (await value('importParagraphs', {
    target: { kind: 'new', name: 'batch' },
    rows: Array.from({ length: 100 }, (_, i) => ({
      text: paragraphText(i),
      reference: `Reference summary ${i}.`,
      tags: [],
    })),
  })) as { datasetId: string };
  const price = (modelId: string, i: number, o: number) => ({
    modelId,
    inputUsdPer1k: i,
    outputUsdPer1k: o,
    source: 'catalog',
    asOf: '2026-11-24',
    overridden: false,
  });
  const config = {
    name: 'batch from the app',
    datasetId: dataset.datasetId,
    teacherModelId: 'meta.llama3-70b-instruct-v1:0',
    studentModelIds: [BATCH_STUDENT],
    region: 'us-east-1',
    promptTemplate: 'Summarize:\n\n{{paragraph}}',
    systemPrompt: null,
    inference: { maxTokens: 256, temperature: 0.5, topP: 0.9 },
    repeats: 1,
    concurrency: 4,
    budgetUsd: null,
    prices: [
      price('meta.llama3-70b-instruct-v1:0', 0.00265, 0.0035),
      price(BATCH_STUDENT, 0.0003, 0.0006),
    ],
  };
  const e = (await value('createExperiment', config)) as { id: string };
  return { id: e.id, config };
}

const finished = (c: AppCore, id: string) =>
  new Promise<BatchOverview>((resolve) => {
    const now = c.ctx.batch.overview(id);
    if (now.finished) return resolve(now);
    const off = c.onEvent((ev: AppEvent) => {
      if (ev.type === 'batchJobs' && ev.overview.experimentId === id && ev.overview.finished) {
        off();
        resolve(ev.overview);
      }
    });
  });

describe('batch through the app channels', () => {
  it('previews the cost at batch prices, starts, and pushes the job panel to the end', async () => {
    const { c, value } = await core();
    const { id, config } = await newExperiment(value);
    const onDemand = (await value('estimateExperiment', config)) as { expectedUsd: number };
    const preview = (await value('previewBatch', {
      experimentId: id,
      s3Uri: `s3://${BUCKET}/app`,
      roleArn: ROLE,
    })) as {
      problems: string[];
      jobs: { modelId: string; records: number }[];
      estimate: { expectedUsd: number };
    };
    expect(preview.problems).toEqual([]);
    expect(preview.jobs.map((j) => j.records)).toEqual([100, 100]);
    expect(preview.estimate.expectedUsd).toBeCloseTo(onDemand.expectedUsd / 2, 10);

    const started = (await value('startBatch', {
      experimentId: id,
      s3Uri: `s3://${BUCKET}/app`,
      roleArn: ROLE,
    })) as BatchOverview;
    expect(started.jobs).toHaveLength(2);
    const done = await finished(c, id);
    expect(done.jobs.map((j) => [j.status, j.storedOk])).toEqual([
      ['Completed', 100],
      ['Completed', 100],
    ]);
    const results = (await value('getExperimentResults', { id })) as {
      runs: { via?: string; e2eMs: number | null }[];
    };
    expect(results.runs).toHaveLength(200);
    expect(results.runs.every((r) => r.via === 'batch' && r.e2eMs === null)).toBe(true);

    // Quality and ROI on batch results as on on-demand ones: ROUGE for every output, and the
    // scenario evidence priced at the batch prices the calls ran under.
    const quality = (await value('getQualityReport', { experimentId: id })) as {
      metrics: { key: string; values: Record<string, (number | null)[]> }[];
    };
    const rouge = quality.metrics.find((m) => m.key === 'rougeL@reference');
    expect(
      Object.values(rouge?.values ?? {}).map((v) => v.filter((x) => x !== null).length),
    ).toEqual([100, 100]);
    const evidence = (await value('getRoiEvidence', { experimentId: id })) as {
      prices: { modelId: string; inputUsdPer1k: number }[];
      models: { calls: number }[];
    };
    expect(evidence.prices.map((p) => p.inputUsdPer1k)).toEqual([0.001325, 0.00015]);
    expect(evidence.models.map((m) => m.calls)).toEqual([100, 100]);
  });

  it("plans with the account's quota and the job panel says which quotas came from the account", async () => {
    const { value } = await core();
    const { id } = await newExperiment(value);
    // The account lowers the student's per-job records: 100 records go as 2 jobs of 50.
    harness.stands().quotas.setQuotas([
      { name: `Records per batch inference job for ${modelName(BATCH_STUDENT)}`, value: 60 },
      {
        name: `Minimum number of records per batch inference job for ${modelName(BATCH_STUDENT)}`,
        value: 10,
      },
    ]);
    const started = (await value('startBatch', {
      experimentId: id,
      s3Uri: `s3://${BUCKET}/app`,
      roleArn: ROLE,
    })) as BatchOverview;
    expect(started.jobs.map((j) => [j.modelId, j.recordCount])).toEqual([
      ['meta.llama3-70b-instruct-v1:0', 100],
      [BATCH_STUDENT, 50],
      [BATCH_STUDENT, 50],
    ]);
    const overview = (await value('getBatchOverview', { experimentId: id })) as BatchOverview;
    const day = new Date().toISOString().slice(0, 10);
    expect(batchPlanNotes(overview, modelName)).toEqual([
      // What the models share, once; then what differs, per model.
      "Both models: records per input file 50,000, input file size 1 GB, job size 5 GB are AWS's documented defaults.",
      `${modelName('meta.llama3-70b-instruct-v1:0')}: your account's Service Quotas (read ${day}) list no batch quotas for this model, so minimum records per job 100, records per job 50,000 are AWS's documented defaults.`,
      `${modelName(BATCH_STUDENT)}: minimum records per job 10, records per job 60 from your account (Service Quotas, read ${day}).`,
      `${modelName(BATCH_STUDENT)}: 100 records exceed the 60 records per job, so they go as 2 jobs (50 + 50 records, 2 input files).`,
    ]);
  });

  it('refuses a bad setup with a message naming the field, storing nothing', async () => {
    const { value, call } = await core();
    const { id } = await newExperiment(value);
    const r = await call('startBatch', { experimentId: id, s3Uri: 'bucket/app', roleArn: ROLE });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('S3 location must look like s3://BUCKET/PREFIX'),
      },
    });
    const o = (await value('getBatchOverview', { experimentId: id })) as BatchOverview;
    expect(o).toMatchObject({ setup: null, jobs: [], finished: false });
  });

  it('an experiment with batch jobs in AWS cannot be deleted until they are stopped and collected', async () => {
    harness.stands().bedrock.holdBefore('InProgress');
    const { c, value, call } = await core();
    const { id } = await newExperiment(value);
    await value('startBatch', { experimentId: id, s3Uri: `s3://${BUCKET}/app`, roleArn: ROLE });
    expect(await call('deleteExperiment', { id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Stop them') },
    });
    await new Promise<void>((resolve) => {
      const off = c.onEvent((ev) => {
        if (ev.type === 'batchJobs' && ev.overview.jobs.every((j) => j.jobArn !== null)) {
          off();
          resolve();
        }
      });
    });
    await value('stopBatch', { experimentId: id });
    harness.stands().bedrock.release();
    const done = await finished(c, id);
    expect(done.jobs.map((j) => j.status)).toEqual(['Stopped', 'Stopped']);
    expect(await call('deleteExperiment', { id })).toMatchObject({ ok: true });
  });

  it('a restarted app tracks and collects jobs created before it stopped', async () => {
    harness.stands().bedrock.holdBefore('InProgress');
    const first = await core();
    const { id } = await newExperiment(first.value);
    await first.value('startBatch', {
      experimentId: id,
      s3Uri: `s3://${BUCKET}/app`,
      roleArn: ROLE,
    });
    await new Promise<void>((resolve) => {
      const off = first.c.onEvent((ev) => {
        if (ev.type === 'batchJobs' && ev.overview.jobs.every((j) => j.jobArn !== null)) {
          off();
          resolve();
        }
      });
    });
    await first.c.close();
    harness.forget();
    harness.stands().bedrock.release();
    const second = await core();
    const done = await finished(second.c, id);
    expect(done.jobs.map((j) => j.storedOk)).toEqual([100, 100]);
    expect(harness.stands().bedrock.jobs).toHaveLength(2);
  });

  it.each([
    ['expiredToken', 'the AWS credentials expired'],
    ['denied', 'bedrock:GetModelInvocationJob'],
  ] as const)(
    'a poll refused with %s stops tracking with the reason stored; Resume follows the jobs to the end',
    async (fault, says) => {
      harness.stands().bedrock.holdBefore('InProgress');
      const first = await core();
      const { id } = await newExperiment(first.value);
      const events: BatchOverview[] = [];
      first.c.onEvent((ev) => {
        if (ev.type === 'batchJobs' && ev.overview.experimentId === id) events.push(ev.overview);
      });
      await first.value('startBatch', {
        experimentId: id,
        s3Uri: `s3://${BUCKET}/app`,
        roleArn: ROLE,
      });
      // Every poll from now on is refused, as with expired credentials or a removed permission.
      harness.stands().bedrock.queueFaults(
        'get',
        Array.from({ length: 50 }, () => fault),
      );
      const stopped = await new Promise<BatchOverview>((resolve) => {
        const check = () => {
          const o = first.c.ctx.batch.overview(id);
          if (o.trackingStopped) return resolve(o);
          setTimeout(check, 5);
        };
        check();
      });
      expect(stopped.trackingStopped).toContain(says);
      expect(stopped.trackingStopped).toContain('The jobs carry on in AWS');
      expect(stopped.finished).toBe(false);
      // The panel was told, and the channel reads the same stored reason.
      expect(events.some((o) => o.trackingStopped?.includes(says))).toBe(true);
      expect(await first.value('getBatchOverview', { experimentId: id })).toMatchObject({
        trackingStopped: stopped.trackingStopped,
      });
      expect(harness.stands().bedrock.jobs).toHaveLength(2);
      // The run panel says the same, and nothing starts the batch's calls on demand.
      expect(await first.value('getRunProgress', { id })).toMatchObject({
        status: 'paused',
        statusReason: stopped.trackingStopped,
        batch: true,
      });
      expect(await first.call('startExperiment', { id, confirmOverBudget: true })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect(harness.stands().bedrock.jobs).toHaveLength(2);

      // Credentials renewed: the faults end, the jobs run on, Resume follows them to the end.
      harness.stands().bedrock.clearFaults('get');
      harness.stands().bedrock.release();
      const resumed = (await first.value('resumeBatch', { experimentId: id })) as BatchOverview;
      expect(resumed.trackingStopped).toBeNull();
      expect(await first.value('getRunProgress', { id })).toMatchObject({
        status: 'running',
        batch: true,
      });
      const done = await finished(first.c, id);
      expect(done.jobs.map((j) => j.storedOk)).toEqual([100, 100]);
      expect(done.trackingStopped).toBeNull();
      expect(harness.stands().bedrock.jobs).toHaveLength(2);
    },
  );
});
