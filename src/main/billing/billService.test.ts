/**
 * The real Cost Explorer SDK client against the loopback stand-in, on a real SQLite store with
 * three days of calls: what is fetched, how it is paged, cached and reconciled, and what a
 * denial says.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BILL_TODAY,
  HAIKU_SERVICE,
  billUsage,
  seedBillRuns,
} from '../../../test/support/billFixture';
import {
  startCostExplorerStandIn,
  type CostExplorerStandIn,
} from '../../../test/support/costExplorerStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from '../db/open';
import { reconcileBill } from './billService';
import { createCostExplorerClient } from './costExplorerClient';
import { fetchBill } from './fetchBill';

const credentials = { accessKeyId: 'AKIATESTKEY000000000', secretAccessKey: 'not-a-secret' };
let ce: CostExplorerStandIn;
let db: Database;
let tmp: ReturnType<typeof makeTempDir>;
const client = () => createCostExplorerClient({ credentials, endpoint: ce.url });
const RANGE = { from: '2026-12-04', to: '2026-12-07', tagKey: null };

beforeAll(async () => {
  ce = await startCostExplorerStandIn({ today: BILL_TODAY, pageSize: 3 });
  ce.setUsage(billUsage());
});
afterAll(() => ce.close());
beforeEach(async () => {
  tmp = makeTempDir('distill-bill-');
  db = (await openDatabase(join(tmp.dir, 'store.sqlite'))).db;
  seedBillRuns(db);
  ce.targets.length = 0;
  ce.bodies.length = 0;
  ce.failWith(null);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('fetchBill', () => {
  it('finds the Bedrock services, follows every page, and leaves out days not billed yet', async () => {
    const c = client();
    const f = await fetchBill(c, RANGE, () => '2026-12-07T06:00:00.000Z');
    c.destroy();
    expect(f.services).toEqual(['Amazon Bedrock', HAIKU_SERVICE]);
    // 20 groups over three days at 3 a page: 7 pages, plus GetDimensionValues.
    expect(f.requests).toBe(8);
    expect(ce.targets.filter((t) => t.endsWith('GetCostAndUsage'))).toHaveLength(7);
    expect(f.days).toEqual([
      { day: '2026-12-04', estimated: false },
      { day: '2026-12-05', estimated: false },
      { day: '2026-12-06', estimated: true },
    ]);
    expect(f.lines.some((l) => l.service.startsWith('Amazon Simple Storage'))).toBe(false);
    const body = ce.bodies[1] as { TimePeriod: unknown; GroupBy: unknown; Filter: unknown };
    expect(body.TimePeriod).toEqual({ Start: '2026-12-04', End: '2026-12-08' });
    expect(body.GroupBy).toEqual([
      { Type: 'DIMENSION', Key: 'SERVICE' },
      { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
    ]);
    expect(body.Filter).toEqual({
      Dimensions: {
        Key: 'SERVICE',
        Values: ['Amazon Bedrock', HAIKU_SERVICE],
        MatchOptions: ['EQUALS'],
      },
    });
  });

  it('with a cost allocation tag, queries each service grouped by usage type and tag', async () => {
    ce.setUsage(
      billUsage().map((u) =>
        u.usageType.includes('Nova') ? { ...u, tags: { 'distill-roi-experiment': 'exp-1' } } : u,
      ),
    );
    const c = client();
    const f = await fetchBill(c, { ...RANGE, tagKey: 'distill-roi-experiment' });
    c.destroy();
    ce.setUsage(billUsage());
    expect(
      ce.bodies
        .slice(1)
        .map(
          (b) => (b as { Filter: { Dimensions: { Values: string[] } } }).Filter.Dimensions.Values,
        ),
    ).toContainEqual([HAIKU_SERVICE]);
    expect(new Set(f.lines.map((l) => l.tagValue))).toEqual(new Set(['exp-1', '']));
    expect(f.lines.find((l) => l.service === HAIKU_SERVICE)?.usageType).toContain('MP:');
  });
});

describe('reconcileBill', () => {
  it('reconciles three days per model, and a second reconcile makes no request', async () => {
    const first = await reconcileBill(db, RANGE, 'fetch', client);
    expect(first.requestsMade).toBe(8);
    const r = first.reconciliation;
    const pro = r?.models.find((m) => m.key === 'novapro');
    expect(pro?.billedUsd).toBeCloseTo(3 * 0.0048 + 1.25, 9);
    expect(pro?.computedUsd).toBeCloseTo(3 * 0.0048, 9);
    expect(pro?.explanations).toContain(
      'Billed $1.25 more than computed on 2026-12-05: other calls to this model in the account those days (another workload, the console).',
    );
    const lite = r?.models.find((m) => m.key === 'novalite');
    expect(lite?.explanations[0]).toContain('Cache read/write tokens billed $0.02');
    const haiku = r?.models.find((m) => m.key === 'claude3haiku');
    expect(haiku?.differenceUsd).toBeCloseTo(0, 12);
    expect(r?.otherUsage).toEqual([{ name: 'Llama3-70B', region: 'us-east-1', billedUsd: 0.4 }]);
    expect(r?.notes[0]).toContain('No billing data yet for 2026-12-07');
    expect(r?.latestBilledDay).toBe('2026-12-06');

    const before = ce.targets.length;
    const again = await reconcileBill(db, RANGE, 'fetch', client);
    const cached = await reconcileBill(db, RANGE, 'cache', client);
    expect(ce.targets.length - before).toBe(0);
    expect(again.requestsMade).toBe(0);
    expect(cached.reconciliation).toEqual(r);

    await reconcileBill(db, RANGE, 'refresh', client);
    expect(ce.targets.length - before).toBe(8);
  });

  it('makes no request from the cache when nothing was fetched', async () => {
    const r = await reconcileBill(db, RANGE, 'cache', client);
    expect(r.reconciliation).toBeNull();
    expect(r.plan.requests).toBe(2);
    expect(ce.targets).toHaveLength(0);
  });

  it('names the IAM action AWS denied, and caches nothing', async () => {
    ce.failWith('AccessDeniedException', 'GetCostAndUsage');
    await expect(reconcileBill(db, RANGE, 'fetch', client)).rejects.toThrow(
      "AWS denied Cost Explorer: allow ce:GetCostAndUsage for these credentials (Cost Explorer answers from us-east-1, whatever the app's region). Nothing was cached.",
    );
    ce.failWith('AccessDeniedException');
    await expect(reconcileBill(db, RANGE, 'fetch', client)).rejects.toThrow(
      'allow ce:GetDimensionValues',
    );
    ce.failWith(null);
    expect((await reconcileBill(db, RANGE, 'cache', client)).reconciliation).toBeNull();
  });

  it('refuses a range that ends before it starts, naming the field, without a request', async () => {
    await expect(
      reconcileBill(db, { from: '2026-12-07', to: '2026-12-04', tagKey: null }, 'fetch', client),
    ).rejects.toThrow('To (2026-12-04) is before From (2026-12-07).');
    expect(ce.targets).toHaveLength(0);
  });
});
