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
});
