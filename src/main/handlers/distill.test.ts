/**
 * Distillation from the app's side: the channels the renderer calls, a real core on a real
 * SQLite file, the real SDK against S3 (s3rver) and the customization-job stand-in; and a job
 * that is tracked again when the app starts on the same data folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTILL_BUCKET,
  DISTILL_KEY,
  DISTILL_ROLE,
  NOVA_MICRO,
  NOVA_PRO,
  startDistillStandIns,
} from '../../../test/support/distillFixture';
import { paragraphText } from '../../../test/support/runnerFixture';
import { useStandInCores } from '../../../test/support/standInCore';
import type { DistillJobView, DistillPreview } from '../../shared/distill/distillDomain';
import type { AppEvent } from '../../shared/ipc/events';
import { completedDistillations } from '../distill/completedDistillations';

const harness = useStandInCores({
  startStandIns: startDistillStandIns,
  env: {
    AWS_ACCESS_KEY_ID: DISTILL_KEY,
    AWS_SECRET_ACCESS_KEY: 'distill-app-secret',
    DISTILL_ROI_DISTILL_POLL_MS: '5',
  },
  hooks: { beforeEach, afterEach },
  tempPrefix: 'distill-app-',
});
const core = harness.core;

async function setUp(value: <T>(ch: string, input: unknown) => Promise<T>, paragraphs = 150) {
  const { datasetId } = await value<{ datasetId: string }>('importParagraphs', {
    target: { kind: 'new', name: 'distill' },
    rows: Array.from({ length: paragraphs }, (_, i) => ({
      text: paragraphText(i),
      reference: `Reference ${i}.`,
      tags: [],
    })),
  });
  await value('saveDistillSettings', {
    roleArn: DISTILL_ROLE,
    s3Uri: `s3://${DISTILL_BUCKET}/app`,
    budgetUsd: 0.5,
  });
  return {
    teacherModelId: NOVA_PRO,
    studentModelId: NOVA_MICRO,
    region: 'us-east-1',
    customModelName: 'app-micro',
    source: { kind: 'dataset', datasetId, promptTemplate: '{{paragraph}}', systemPrompt: null },
    trainingUsdPer1kTokens: 0.004,
    storageUsdPerMonth: 1.95,
  };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition never reached');
}

describe('distill channels', () => {
  it('previews problems by field without AWS, then launches above the budget only when confirmed', async () => {
    const first = await core();
    const { value, call } = first;
    const launch = await setUp(value);
    const bad = await value<DistillPreview>('previewDistill', {
      ...launch,
      region: 'us-west-2',
      trainingUsdPer1kTokens: null,
    });
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['region', 'trainingUsdPer1kTokens']);
    expect(harness.stands().bedrock.calls).toEqual([]);

    const preview = await value<DistillPreview>('previewDistill', launch);
    expect(preview.problems).toEqual([]);
    expect(preview.prompts).toBe(150);
    expect(preview.estimate?.oneOffCostUsd).toBeGreaterThan(0.5);
    expect(preview.needsConfirmation).toBe(true);

    const refused = await call('startDistill', launch);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toContain('above the budget');
    expect(await value<DistillJobView[]>('listDistillJobs', {})).toEqual([]);

    const events: AppEvent[] = [];
    first.c.onEvent((e) => events.push(e));
    const started = await value<DistillJobView>('startDistill', {
      ...launch,
      confirmOverBudget: true,
    });
    expect(started.estimate.oneOffCostUsd).toBe(preview.estimate?.oneOffCostUsd);
    const [done] = await until(
      () => value<DistillJobView[]>('listDistillJobs', {}),
      (jobs) => jobs[0]?.status === 'Completed',
    );
    expect(done?.outputModelArn).toMatch(/:custom-model\//);
    expect(done?.actual?.oneOffCostUsd).toBe(started.estimate.oneOffCostUsd);
    expect(
      events.some((e) => e.type === 'distillJob' && e.job.steps.training === 'InProgress'),
    ).toBe(true);
    expect(harness.stands().bedrock.jobs).toHaveLength(1);
  });

  it('too few prompts in the dataset is refused naming the dataset; nothing is sent', async () => {
    const { value, call } = await core();
    const launch = await setUp(value, 40);
    const r = await call('startDistill', launch);
    expect(r.ok ? '' : r.error.message).toContain('at least 100 prompts');
    expect(harness.stands().s3.requests.filter((q) => q.method === 'PUT')).toEqual([]);
    expect(harness.stands().bedrock.calls).toEqual([]);
  });

  it('Stop stops a running job, and a job left running is tracked again after a restart', async () => {
    const first = await core();
    const launch = await setUp(first.value);
    const started = await first.value<DistillJobView>('startDistill', {
      ...launch,
      confirmOverBudget: true,
    });
    await until(
      () => first.value<DistillJobView[]>('listDistillJobs', {}),
      (jobs) => jobs[0]?.phase === 'submitted',
    );
    // The app closes while the job runs in AWS; the next start resumes tracking it.
    await first.c.close();
    harness.forget();
    const second = await core();
    const [done] = await until(
      () => second.value<DistillJobView[]>('listDistillJobs', {}),
      (jobs) => jobs[0]?.phase === 'ended',
    );
    expect(done?.id).toBe(started.id);
    expect(done?.status).toBe('Completed');
    expect(harness.stands().bedrock.jobs).toHaveLength(1);
    expect(completedDistillations(second.c.ctx.db).map((d) => d.jobArn)).toEqual([done?.jobArn]);

    harness.stands().bedrock.holdProgress(true);
    const another = await second.value<DistillJobView>('startDistill', {
      ...launch,
      customModelName: 'stopped-one',
      confirmOverBudget: true,
    });
    await until(
      () => second.value<DistillJobView[]>('listDistillJobs', {}),
      (jobs) => jobs.find((j) => j.id === another.id)?.phase === 'submitted',
    );
    const stopped = await second.value<DistillJobView>('stopDistill', { id: another.id });
    expect(stopped.status).toBe('Stopped');
    expect(stopped.steps.validation).toBe('Stopped');
    const after = await until(
      () => second.value<DistillJobView[]>('listDistillJobs', {}),
      (jobs) => jobs.find((j) => j.id === another.id)?.phase === 'ended',
    );
    expect(after.find((j) => j.id === another.id)?.status).toBe('Stopped');
  });
});
