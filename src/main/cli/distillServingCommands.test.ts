/**
 * `distill-roi distill serve|evaluate` in process, with the real SDK against the serving and
 * runtime stand-ins: asks before buying, buys and waits, evaluates into an experiment and a
 * scenario with the actual cost, and says which IAM action a denial needs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { captureIo } from '../../../test/support/cliIo';
import { seedParagraphs } from '../../../test/support/seedParagraphs';
import {
  distilledModel,
  startServingStandIn,
  type ServingStandIn,
} from '../../../test/support/servingStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Serving } from '../../shared/serving/servingDomain';
import { openDatabase } from '../db/open';
import { listScenarios } from '../db/repos/scenarios';
import { listServings } from '../db/repos/servings';
import { databasePath } from '../paths/dataDir';
import { distillCommand } from './distillCommand';

const REGION = 'us-east-1';

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const c = captureIo(env);
  const code = await distillCommand(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('distill-roi distill serve|evaluate', () => {
  let control: ServingStandIn;
  let runtime: BedrockStandIn;
  const temp = makeTempDir('distill-cli-serve-');
  const env = () => ({
    // A command given no --data-dir must not open the user's own data folder.
    DISTILL_ROI_DATA_DIR: `${temp.dir}/default`,
    AWS_ENDPOINT_URL_BEDROCK: control.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url,
    DISTILL_ROI_SERVING_POLL_MS: '10',
  });
  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIASERVINGCLI000000');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'serving-cli-secret');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', '');
    control = await startServingStandIn({ pollsUntilReady: 2 });
    runtime = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await control.close();
    await runtime.close();
    temp.cleanup();
  });

  it('says what it would cost and buys nothing without --yes; with it, waits until in service', async () => {
    const dir = `${temp.dir}/serve`;
    const m = distilledModel(REGION, 'cli-micro', 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0');
    control.addCustomModel(REGION, m);
    const args = [
      'serve',
      m.modelArn,
      '--mode',
      'provisioned',
      '--units',
      '1',
      '--term',
      'none',
      '--usd-per-hour-per-unit',
      '21.18',
      '--data-dir',
      dir,
    ];
    const ask = await run(args, env());
    expect(ask.code).toBe(1);
    expect(ask.stderr).toContain('$21.18 per hour');
    expect(ask.stderr).toContain('Run again with --yes');
    expect(control.createCalls('provisioned')).toBe(0);

    const bought = await run([...args, '--yes', '--json'], env());
    expect(bought.code, bought.stderr).toBe(0);
    const serving = JSON.parse(bought.stdout) as Serving;
    expect(serving.phase).toBe('inService');
    expect(control.live().map((r) => r.arn)).toEqual([serving.arn]);
  });

  it('evaluates a served model: experiment against its ARN, scenario with the actual cost', async () => {
    const dir = `${temp.dir}/evaluate`;
    const datasetId = await seedParagraphs(dir, 'cli paragraphs', 4);
    const m = distilledModel(REGION, 'cli-lite', 'amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0');
    control.addCustomModel(REGION, m);
    const served = await run(
      [
        'serve',
        m.modelArn,
        '--mode',
        'on-demand',
        '--input-usd-per-1k',
        '0.00008',
        '--output-usd-per-1k',
        '0.00032',
        '--yes',
        '--data-dir',
        dir,
      ],
      env(),
    );
    expect(served.code, served.stderr).toBe(0);
    expect(served.stdout).toContain('per 1,000 tokens; no hourly charge');
    const { db } = await openDatabase(databasePath(dir));
    const arn = listServings(db)[0]?.arn ?? '';
    db.close();

    const r = await run(
      [
        'evaluate',
        arn,
        '--dataset',
        datasetId,
        '--teacher',
        'amazon.nova-pro-v1:0',
        '--one-off-usd',
        '63.2',
        '--data-dir',
        dir,
      ],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Saved ROI scenario');
    expect(runtime.requestsFor(arn)).toHaveLength(4);
    const after = await openDatabase(databasePath(dir));
    const scenario = listScenarios(after.db)[0];
    after.db.close();
    expect(scenario?.inputs.student.modelId).toBe(arn);
    expect(scenario?.inputs.distillation).toMatchObject({ kind: 'distill', actualCostUsd: 63.2 });
  });

  it('names the IAM action AWS denied', async () => {
    const dir = `${temp.dir}/denied`;
    const m = distilledModel(
      REGION,
      'cli-denied',
      'amazon.nova-micro-v1:0',
      'amazon.nova-pro-v1:0',
    );
    control.addCustomModel(REGION, m);
    control.deny(['bedrock:GetCustomModel']);
    const r = await run(
      [
        'serve',
        m.modelArn,
        '--mode',
        'on-demand',
        '--input-usd-per-1k',
        '1',
        '--output-usd-per-1k',
        '1',
        '--yes',
        '--data-dir',
        dir,
      ],
      env(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('allow bedrock:GetCustomModel');
  });

  it('rejects bad usage with the flag named', async () => {
    const r = await run(
      ['serve', 'arn:aws:bedrock:us-east-1:1:custom-model/x/y', '--mode', 'batch'],
      env(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mode must be provisioned or on-demand');
  });
});
