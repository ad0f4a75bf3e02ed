/**
 * The Custom models channels on a real core and SQLite file, with the real AWS SDK against the
 * serving stand-in (control plane) and the runtime stand-in: list with serving options, buy on
 * confirmation only, follow until in service, delete; evaluate end to end (an experiment run
 * against the serving's ARN, then a scenario with the measured student and the actual cost).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { paragraphText } from '../../../test/support/runnerFixture';
import {
  distilledModel,
  startServingStandIn,
  type ServingStandIn,
} from '../../../test/support/servingStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import type { Serving } from '../../shared/serving/servingDomain';
import type { SavedScenario } from '../../shared/ipc/roiChannels';
import type { RunProgress } from '../../shared/domain/run';
import { startCore, type AppCore } from '../core/startCore';
import { createMemorySecretStore } from '../credentials/memorySecretStore';
import { dispatch } from '../service/dispatch';
import { insertPriceSnapshot } from '../db/repos/priceSnapshots';

const REGION = 'us-east-1';
const TEACHER = 'amazon.nova-pro-v1:0';
let control: ServingStandIn;
let runtime: BedrockStandIn;
let temp: { dir: string; cleanup: () => void };
let cores: AppCore[] = [];
const saved = { ...process.env };

beforeEach(async () => {
  control = await startServingStandIn({ pollsUntilReady: 2 });
  runtime = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
  temp = makeTempDir('distill-serving-app-');
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK: control.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url,
    AWS_ACCESS_KEY_ID: 'AKIASERVINGAPP000000',
    AWS_SECRET_ACCESS_KEY: 'serving-app-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    DISTILL_ROI_SERVING_POLL_MS: '10',
  });
});
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
  await control.close();
  await runtime.close();
  temp.cleanup();
  process.env = { ...saved };
});

async function core() {
  const c = await startCore({
    dataDir: temp.dir,
    transport: 'browser-host',
    secrets: createMemorySecretStore(),
  });
  cores.push(c);
  const call = (channel: string, input: unknown) => dispatch(c.ctx, channel, input);
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { c, call, value };
}

const microModel = () => {
  const m = distilledModel(REGION, 'support-micro', 'amazon.nova-micro-v1:0', TEACHER);
  control.addCustomModel(REGION, m);
  return m;
};

const onDemand = (arn: string) => ({
  customModelArn: arn,
  region: REGION,
  kind: 'customModelOnDemand',
  inputUsdPer1k: 0.00005,
  outputUsdPer1k: 0.0002,
  oneOffCostUsd: 41.5,
  confirmed: true,
});

async function inService(value: Awaited<ReturnType<typeof core>>['value'], id: string) {
  await expect
    .poll(async () => (await value<Serving>('refreshServing', { id })).phase, {
      timeout: 10_000,
      interval: 20,
    })
    .toBe('inService');
  return value<Serving>('refreshServing', { id });
}

describe('Custom models channels', () => {
  it('lists custom models with the serving options Bedrock sells for each', async () => {
    const { value } = await core();
    const micro = microModel();
    const llama = distilledModel('us-east-1', 'llama-8b', 'meta.llama3-1-8b-instruct-v1:0', 'x');
    control.addCustomModel(REGION, llama);
    const listed = await value<
      { model: { modelArn: string }; offer: { options: { kind: string; offered: boolean }[] } }[]
    >('listCustomModels', { region: REGION });
    const offered = (arn: string) =>
      listed
        .find((l) => l.model.modelArn === arn)
        ?.offer.options.filter((o) => o.offered)
        .map((o) => o.kind);
    expect(offered(micro.modelArn)).toEqual(['provisioned', 'customModelOnDemand']);
    // AWS lists no on-demand deployment for Llama 3.1 8B: provisioned only.
    expect(offered(llama.modelArn)).toEqual(['provisioned']);
  });

  it('a denied listing names the IAM action', async () => {
    const { call } = await core();
    control.deny(['bedrock:ListCustomModels']);
    const r = await call('listCustomModels', { region: REGION });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('allow bedrock:ListCustomModels');
  });

  it('asks first with the cost, then buys, follows it into service and deletes it', async () => {
    const { call, value } = await core();
    const m = microModel();
    const ask = await call('serveCustomModel', {
      customModelArn: m.modelArn,
      region: REGION,
      kind: 'provisioned',
      modelUnits: 2,
      term: 'noCommitment',
      usdPerHourPerUnit: 20,
      confirmed: false,
    });
    expect(ask.ok).toBe(false);
    if (!ask.ok) {
      expect(ask.error.code).toBe('needs_confirmation');
      expect(ask.error.message).toContain('$40');
    }
    expect(control.createCalls('provisioned')).toBe(0);

    const made = await value<Serving>('serveCustomModel', {
      customModelArn: m.modelArn,
      region: REGION,
      kind: 'provisioned',
      modelUnits: 2,
      term: 'noCommitment',
      usdPerHourPerUnit: 20,
      confirmed: true,
    });
    expect(made.teacherModelId).toBe(TEACHER);
    const ready = await inService(value, made.id);
    expect(ready.arn).toBe(control.live()[0]?.arn);
    expect(await value<Serving[]>('listServings', {})).toHaveLength(1);
    const deleted = await value<Serving>('deleteServing', { id: made.id });
    expect(deleted.phase).toBe('deleted');
    expect(control.live()).toEqual([]);
  });

  it('names the missing price instead of making one up', async () => {
    const { call } = await core();
    const m = microModel();
    const r = await call('serveCustomModel', {
      customModelArn: m.modelArn,
      region: REGION,
      kind: 'customModelOnDemand',
      confirmed: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('inputUsdPer1k');
    expect(control.createCalls('deployment')).toBe(0);
  });

  it("takes the deployment's per-token rates from the stored Price List snapshot", async () => {
    const { c, value } = await core();
    const m = microModel();
    const rate = (direction: 'input' | 'output', usd: number) => ({
      offerCode: 'AmazonBedrock',
      sku: direction,
      usagetype: `USE1-NovaMicro-${direction}-tokens-custom-model`,
      region: REGION,
      modelName: 'Nova Micro',
      kind: 'customModelTokens' as const,
      tier: 'standard' as const,
      scope: 'regional' as const,
      direction,
      term: null,
      usd,
      per: '1K tokens' as const,
      rawUnit: '1K tokens',
      rawUsd: String(usd),
    });
    insertPriceSnapshot(c.ctx.db, {
      region: REGION,
      publicationDate: '2026-11-01T00:00:00Z',
      fetchedAt: '2026-12-07T00:00:00Z',
      source: 'AWS Price List (bulk offer files)',
      offers: [],
      rows: [rate('input', 0.00005), rate('output', 0.0002)],
      problems: [],
    });
    const listed = await value<{ offer: { customModel: unknown } }[]>('listCustomModels', {
      region: REGION,
    });
    expect(listed[0]?.offer.customModel).toEqual({
      inputUsdPer1k: 0.00005,
      outputUsdPer1k: 0.0002,
    });
    const made = await value<Serving>('serveCustomModel', {
      customModelArn: m.modelArn,
      region: REGION,
      kind: 'customModelOnDemand',
      confirmed: true,
    });
    expect([made.inputUsdPer1k, made.outputUsdPer1k]).toEqual([0.00005, 0.0002]);
  });

  it('a serving still being created when the app stops is followed after a restart', async () => {
    const first = await core();
    const m = microModel();
    const made = await first.value<Serving>('serveCustomModel', onDemand(m.modelArn));
    await first.c.close();
    cores = [];
    const second = await core();
    await expect
      .poll(async () => (await second.value<Serving[]>('listServings', {}))[0]?.phase, {
        timeout: 10_000,
        interval: 20,
      })
      .toBe('inService');
    expect((await second.value<Serving[]>('listServings', {}))[0]?.id).toBe(made.id);
    expect(control.createCalls('deployment')).toBe(1);
  });
});

describe('evaluating a served model', () => {
  it('runs the teacher against the deployment ARN, then makes a scenario with the actual cost', async () => {
    const { call, value } = await core();
    const m = microModel();
    const dataset = await value<{ datasetId: string }>('importParagraphs', {
      target: { kind: 'new', name: 'support' },
      rows: Array.from({ length: 6 }, (_, i) => ({
        text: paragraphText(i),
        reference: `Reference summary ${i}.`,
        tags: [],
      })),
    });
    const made = await value<Serving>('serveCustomModel', onDemand(m.modelArn));
    const early = await call('evaluateServing', {
      servingId: made.id,
      datasetId: dataset.datasetId,
      teacherModelId: TEACHER,
    });
    expect(early.ok).toBe(false);
    const ready = await inService(value, made.id);
    const arn = ready.arn ?? '';
    const noExperiment = await call('createEvaluationScenario', { servingId: made.id });
    expect(noExperiment.ok ? '' : noExperiment.error.message).toContain(
      'Evaluate this serving first',
    );

    const evaluation = await value<{ experimentId: string }>('evaluateServing', {
      servingId: made.id,
      datasetId: dataset.datasetId,
      teacherModelId: TEACHER,
    });
    await expect
      .poll(
        async () =>
          (await value<RunProgress>('getRunProgress', { id: evaluation.experimentId })).status,
        { timeout: 20_000, interval: 50 },
      )
      .toBe('completed');
    // Every student call went to the deployment ARN, as Bedrock's runtime takes it.
    expect(runtime.requestsFor(arn)).toHaveLength(6);
    expect(runtime.requestsFor(TEACHER)).toHaveLength(6);

    const again = await call('evaluateServing', {
      servingId: made.id,
      datasetId: dataset.datasetId,
      teacherModelId: TEACHER,
    });
    expect(again.ok ? '' : again.error.message).toContain('already being evaluated');
    const { scenarioId } = await value<{ scenarioId: string }>('createEvaluationScenario', {
      servingId: made.id,
    });
    const scenario = (await value<SavedScenario[]>('listScenarios', {})).find(
      (s) => s.id === scenarioId,
    );
    expect(scenario?.experimentId).toBe(evaluation.experimentId);
    const inputs = scenario?.inputs;
    expect(inputs?.student.modelId).toBe(arn);
    expect(inputs?.student.serving).toMatchObject({
      kind: 'customModelOnDemand',
      inputUsdPer1k: 0.00005,
      outputUsdPer1k: 0.0002,
    });
    expect(inputs?.distillation).toMatchObject({ kind: 'distill', actualCostUsd: 41.5 });
    // Tokens per request are the measured ones: the stand-in reports its words as tokens.
    const studentCalls = runtime.requestsFor(arn);
    expect(studentCalls).toHaveLength(6);
    expect(inputs?.student.outputTokensPerRequest).toBeGreaterThan(0);
    expect(inputs?.teacher.modelId).toBe(TEACHER);
  });

  it('evaluates a Provisioned Throughput by its ARN; its scenario needs the capacity per unit', async () => {
    const { call, value } = await core();
    const m = microModel();
    const dataset = await value<{ datasetId: string }>('importParagraphs', {
      target: { kind: 'new', name: 'provisioned' },
      rows: Array.from({ length: 3 }, (_, i) => ({ text: paragraphText(i), tags: [] })),
    });
    const made = await value<Serving>('serveCustomModel', {
      customModelArn: m.modelArn,
      region: REGION,
      kind: 'provisioned',
      modelUnits: 1,
      term: 'noCommitment',
      usdPerHourPerUnit: 21.18,
      confirmed: true,
    });
    const arn = (await inService(value, made.id)).arn ?? '';
    expect(arn).toMatch(/:provisioned-model\//);
    const { experimentId } = await value<{ experimentId: string }>('evaluateServing', {
      servingId: made.id,
      datasetId: dataset.datasetId,
      teacherModelId: TEACHER,
      oneOffCostUsd: 12,
    });
    await expect
      .poll(async () => (await value<RunProgress>('getRunProgress', { id: experimentId })).status, {
        timeout: 20_000,
        interval: 50,
      })
      .toBe('completed');
    expect(runtime.requestsFor(arn)).toHaveLength(3);
    const noCapacity = await call('createEvaluationScenario', { servingId: made.id });
    expect(noCapacity.ok ? '' : noCapacity.error.message).toContain(
      'capacityTokensPerMinutePerUnit',
    );
    const { scenarioId } = await value<{ scenarioId: string }>('createEvaluationScenario', {
      servingId: made.id,
      capacityTokensPerMinutePerUnit: 50_000,
    });
    const inputs = (await value<SavedScenario[]>('listScenarios', {})).find(
      (s) => s.id === scenarioId,
    )?.inputs;
    expect(inputs?.student.serving).toMatchObject({
      kind: 'provisioned',
      modelUnits: 1,
      usdPerHourPerUnit: 21.18,
      term: 'noCommitment',
      capacityTokensPerMinutePerUnit: 50_000,
    });
    expect(inputs?.distillation).toMatchObject({ actualCostUsd: 12 });
  });
});
