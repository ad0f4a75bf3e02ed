/**
 * The billing channels through the dispatcher, on a real store with calls over three days, the
 * real SDK clients against the Cost Explorer and inference-profile stand-ins.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BILL_TODAY, billUsage, seedBillRuns } from '../../../test/support/billFixture';
import {
  startCostExplorerStandIn,
  type CostExplorerStandIn,
} from '../../../test/support/costExplorerStandIn';
import {
  startInferenceProfileStandIn,
  type InferenceProfileStandIn,
} from '../../../test/support/inferenceProfileStandIn';
import { makeTestCore } from '../../../test/support/testCore';
import { startBedrockStandIn } from '../../../test/support/bedrockStandIn';
import { requireExperiment } from '../common/lookups';
import { insertExperiment } from '../db/repos/experiments';

let ce: CostExplorerStandIn;
let bedrock: InferenceProfileStandIn;
let t: Awaited<ReturnType<typeof makeTestCore>>;
let experimentId: string;
const RANGE = { from: '2026-12-04', to: '2026-12-07', tagKey: null };

beforeAll(async () => {
  ce = await startCostExplorerStandIn({ today: BILL_TODAY, pageSize: 4 });
  ce.setUsage(billUsage());
  bedrock = await startInferenceProfileStandIn();
});
afterAll(async () => {
  await ce.close();
  await bedrock.close();
});
beforeEach(async () => {
  vi.stubEnv('AWS_ENDPOINT_URL_COST_EXPLORER', ce.url);
  vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', bedrock.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTKEY000000000');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'not-a-secret');
  vi.stubEnv('AWS_PROFILE', '');
  t = await makeTestCore();
  experimentId = seedBillRuns(t.core.ctx.db).experimentId;
  ce.targets.length = 0;
  ce.failWith(null);
  bedrock.deny(false);
});
afterEach(async () => {
  await t.cleanup();
  vi.unstubAllEnvs();
});

describe('billing handlers', () => {
  it('plans without calling AWS, fetches once on request, then serves the cache', async () => {
    const plan = await t.value('planBill', RANGE);
    expect(plan.callDays).toEqual({ from: '2026-12-04', to: '2026-12-07' });
    expect(plan.cachedAt).toBeNull();
    expect(plan.plan.text).toBe(
      'Fetching makes at least 2 Cost Explorer requests ($0.02 at $0.01 each); each extra page of results is one more.',
    );
    const cached = await t.value('reconcileBill', { ...RANGE, mode: 'cache' });
    expect(cached.reconciliation).toBeNull();
    expect(ce.targets).toHaveLength(0);

    const fetched = await t.value('reconcileBill', { ...RANGE, mode: 'fetch' });
    expect(fetched.requestsMade).toBe(ce.targets.length);
    expect(fetched.reconciliation?.models.map((m) => m.name)).toEqual([
      'Claude 3 Haiku',
      'Amazon Nova Lite',
      'Amazon Nova Pro',
    ]);
    const after = ce.targets.length;
    expect((await t.value('planBill', RANGE)).cachedAt).toBe(fetched.reconciliation?.fetchedAt);
    const again = await t.value('reconcileBill', { ...RANGE, mode: 'fetch' });
    expect(again.requestsMade).toBe(0);
    expect(ce.targets.length).toBe(after);
  });

  it('says which IAM action Cost Explorer denied', async () => {
    ce.failWith('AccessDeniedException', 'GetDimensionValues');
    const r = await t.call('reconcileBill', { ...RANGE, mode: 'fetch' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('aws');
      expect(r.error.message).toContain('allow ce:GetDimensionValues');
    }
  });

  it('refuses a malformed date, naming it', async () => {
    const r = await t.callRaw('reconcileBill', { ...RANGE, from: '2026-02-30', mode: 'fetch' });
    expect(r.ok).toBe(false);
    expect(ce.targets).toHaveLength(0);
  });

  it('creates one tagged profile per model once, and names the IAM action when denied', async () => {
    bedrock.deny(true);
    const denied = await t.call('createExperimentProfiles', { experimentId });
    expect(denied.ok).toBe(false);
    if (!denied.ok) {
      expect(denied.error.message).toBe(
        'AWS denied creating the inference profile in us-east-1: allow bedrock:CreateInferenceProfile and bedrock:TagResource for these credentials.',
      );
    }
    bedrock.deny(false);
    const made = await t.value('createExperimentProfiles', { experimentId });
    expect(made).toHaveLength(3);
    expect(made.every((p) => p.profileArn?.includes(':application-inference-profile/'))).toBe(true);
    const again = await t.value('createExperimentProfiles', { experimentId });
    expect(again).toEqual(made);
    // The denied attempt and the one that worked used the same token: one profile per model.
    expect(bedrock.created).toHaveLength(3);
    expect(bedrock.created[0]?.copyFrom).toBe(
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0',
    );
    expect(bedrock.created[0]?.tags).toEqual([
      { key: 'distill-roi-experiment', value: experimentId },
    ]);
    expect(await t.value('listExperimentProfiles', { experimentId })).toEqual(made);
  });

  it('runs an experiment with tagged profiles through them and stores which profile each call used', async () => {
    const runtime = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5, ttftMs: 2, chunks: 2, inputTokens: 900, outputTokens: 120 },
    });
    try {
      vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', runtime.url);
      const db = t.core.ctx.db;
      const config = { ...requireExperiment(db, experimentId).config, name: 'Tagged study' };
      const fresh = insertExperiment(db, { ...config, repeats: 1 });
      const made = await t.value('createExperimentProfiles', { experimentId: fresh });
      expect(made).toHaveLength(3);
      for (const p of made) runtime.serveProfile(p.profileArn ?? '', p.modelId);

      await t.value('startExperiment', { id: fresh, confirmOverBudget: true });
      await vi.waitFor(
        async () =>
          expect((await t.value('getRunProgress', { id: fresh })).status).toBe('completed'),
        { timeout: 10_000, interval: 20 },
      );
      const { runs } = await t.value('getExperimentResults', { id: fresh });
      const arnOf = new Map(made.map((p) => [p.modelId, p.profileArn]));
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.status).toBe('ok');
        expect(r.profileArn).toBe(arnOf.get(r.modelId));
      }
      // Every request named a profile ARN, none a bare model id.
      expect(runtime.requests).toHaveLength(runs.length);
      expect(runtime.requests.every((q) => q.modelId === arnOf.get(q.servedModelId ?? ''))).toBe(
        true,
      );
      const listed = await t.value('listExperimentProfiles', { experimentId: fresh });
      expect(listed.map((p) => p.callsThrough)).toEqual(
        listed.map((p) => runs.filter((r) => r.modelId === p.modelId).length),
      );
    } finally {
      await runtime.close();
    }
  });
});
