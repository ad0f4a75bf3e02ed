/**
 * The distillation loop from the command line, in process, on one store and one account: `distill
 * start` launches and follows a job, `distill serve` buys an on-demand deployment of the model it
 * made, `distill evaluate` reruns the job's own paragraphs against its teacher, and the scenario
 * carries the job's cost. Real SDK clients against S3 (s3rver), one control-plane endpoint where
 * the job's custom model is then served, and the runtime stand-in.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { captureIo } from '../../../test/support/cliIo';
import {
  DISTILL_BUCKET,
  DISTILL_KEY,
  DISTILL_ROLE,
  NOVA_MICRO,
  NOVA_PRO,
  makeDistillStore,
} from '../../../test/support/distillFixture';
import { distilledModel } from '../../../test/support/servingStandIn';
import {
  startLinkedControlPlane,
  type LinkedControlPlane,
} from '../../../test/support/linkedControlPlane';
import { startS3StandIn, type S3StandIn } from '../../../test/support/s3StandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import type { DistillJobView } from '../../shared/distill/distillDomain';
import type { Serving } from '../../shared/serving/servingDomain';
import { openDatabase } from '../db/open';
import { listScenarios } from '../db/repos/scenarios';
import { databasePath } from '../paths/dataDir';
import { distillCommand } from './distillCommand';

const PARAGRAPHS = 110;

describe('distill start, serve and evaluate on one account', () => {
  let s3: S3StandIn;
  let control: LinkedControlPlane;
  let runtime: BedrockStandIn;
  const temp = makeTempDir('distill-chain-');
  const env = () => ({
    AWS_ENDPOINT_URL_BEDROCK: control.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url,
    AWS_ENDPOINT_URL_S3: s3.url,
    DISTILL_ROI_DISTILL_POLL_MS: '5',
    DISTILL_ROI_SERVING_POLL_MS: '5',
  });
  const run = async (...argv: string[]) => {
    const c = captureIo(env());
    const code = await distillCommand([...argv, '--data-dir', temp.dir], c.io);
    return { code, stdout: c.stdout(), stderr: c.stderr() };
  };
  /** Buys an on-demand deployment of a custom model at fixed token rates. */
  const serveOnDemand = (arn: string, ...more: string[]) =>
    run(
      'serve',
      arn,
      '--mode',
      'on-demand',
      '--input-usd-per-1k',
      '0.00005',
      '--output-usd-per-1k',
      '0.0002',
      ...more,
      '--yes',
      '--json',
    );

  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', DISTILL_KEY);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'distill-chain-secret');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', '');
    s3 = await startS3StandIn({ buckets: [DISTILL_BUCKET], accessKeys: [DISTILL_KEY] });
    control = await startLinkedControlPlane({ pollsUntilReady: 2 });
    runtime = await startBedrockStandIn({ fallbackModel: { latencyMs: 1 } });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await control.close();
    await runtime.close();
    await s3.close();
    temp.cleanup();
  });

  it('the scenario is the job’s model, measured on the job’s paragraphs, at the job’s cost', async () => {
    const store = await makeDistillStore(
      PARAGRAPHS,
      { roleArn: DISTILL_ROLE, s3Uri: `s3://${DISTILL_BUCKET}/chain`, budgetUsd: null },
      temp.dir,
    );
    const datasetId = store.datasetId;
    store.db.close();

    const started = await run(
      'start',
      '--teacher',
      NOVA_PRO,
      '--student',
      NOVA_MICRO,
      '--region',
      'us-east-1',
      '--name',
      'chain-micro',
      '--dataset',
      datasetId,
      '--training-price',
      '0.004',
      '--storage-price',
      '1.95',
      '--json',
    );
    expect(started.code, started.stderr).toBe(0);
    const job = JSON.parse(started.stdout) as DistillJobView;
    expect(job.status).toBe('Completed');
    const jobCostUsd = job.actual?.oneOffCostUsd ?? NaN;
    expect(jobCostUsd).toBeGreaterThan(0);

    // No --one-off-usd: the serving takes what the app's own job cost.
    const served = await serveOnDemand(job.outputModelArn ?? '');
    expect(served.code, served.stderr).toBe(0);
    const serving = JSON.parse(served.stdout) as Serving;
    expect(serving.phase).toBe('inService');
    expect(serving.oneOffCostUsd).toBe(jobCostUsd);
    expect(control.serving.live().map((r) => r.modelArn)).toEqual([job.outputModelArn]);

    // No --dataset or --teacher: the job's own paragraphs against its teacher.
    const evaluated = await run('evaluate', serving.arn ?? '');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stderr).toContain(`against ${NOVA_PRO}`);
    expect(runtime.requestsFor(serving.arn ?? '')).toHaveLength(PARAGRAPHS);

    const { db } = await openDatabase(databasePath(temp.dir));
    const scenario = listScenarios(db)[0];
    db.close();
    expect(scenario?.name).toBe('chain-micro as served (on demand)');
    expect(scenario?.inputs.student.modelId).toBe(serving.arn);
    expect(scenario?.inputs.teacher.modelId).toBe(NOVA_PRO);
    expect(scenario?.inputs.distillation).toMatchObject({
      kind: 'distill',
      actualCostUsd: jobCostUsd,
    });
  });

  it('a model the app did not distill is evaluated only on a dataset named for it', async () => {
    const other = distilledModel('us-east-1', 'made-elsewhere', NOVA_MICRO, NOVA_PRO);
    control.serving.addCustomModel('us-east-1', other);
    const served = await serveOnDemand(other.modelArn, '--one-off-usd', '12');
    expect(served.code, served.stderr).toBe(0);
    const arn = (JSON.parse(served.stdout) as Serving).arn ?? '';
    const before = runtime.requestsFor(arn).length;
    const r = await run('evaluate', arn);
    expect(r.code).toBe(2);
    // The control plane names its teacher; only the paragraphs are unknown.
    expect(r.stderr).toContain(
      '--dataset ID is required: this app did not distill made-elsewhere, so it does not know them.',
    );
    expect(runtime.requestsFor(arn).length).toBe(before);
  });
});
