/**
 * The GetProducts path through the real Pricing SDK client against the Query API stand-in:
 * paging, the item shape of §1.5, 1M-token units, and an AccessDenied that keeps the snapshot.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bedrockRows, marketplaceRows } from '../../../test/support/offerFiles';
import {
  startPricingApiStandIn,
  type PricingApiStandIn,
} from '../../../test/support/pricingApiStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from '../db/open';
import { latestPriceSnapshot } from '../db/repos/priceSnapshots';
import { createPricingClient } from './getProducts';
import { refreshPrices } from './refreshPrices';

const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret-key-0000' };
let api: PricingApiStandIn;
let db: Database;
let cleanup: () => void;

beforeEach(async () => {
  api = await startPricingApiStandIn(3);
  api.setOffer({
    offerCode: 'AmazonBedrock',
    publicationDate: '2026-10-01T00:00:00Z',
    rows: [...bedrockRows('us-east-1'), ...bedrockRows('us-west-2')],
  });
  api.setOffer({
    offerCode: 'AmazonBedrockFoundationModels',
    publicationDate: '2026-10-02T00:00:00Z',
    rows: marketplaceRows('us-east-1'),
  });
  const t = makeTempDir();
  cleanup = t.cleanup;
  db = (await openDatabase(join(t.dir, 'db.sqlite'))).db;
});
afterEach(async () => {
  db.close();
  cleanup();
  await api.close();
});

describe('refreshPrices via GetProducts', () => {
  it('pages through every Bedrock offer code for the region into one snapshot', async () => {
    const query = createPricingClient({ credentials: CREDS, endpoint: api.url });
    const [r] = await refreshPrices(db, {
      regions: ['us-east-1'],
      baseUrl: 'http://127.0.0.1:9',
      query,
    });
    expect(r?.outcome).toBe('saved');
    const snap = latestPriceSnapshot(db, 'us-east-1');
    expect(snap?.source).toBe('AWS Price List (GetProducts)');
    expect(snap?.publicationDate).toBe('2026-10-02T00:00:00Z');
    expect(snap?.rows.every((row) => row.region === 'us-east-1')).toBe(true);
    const sonnet = snap?.rows.find(
      (row) =>
        row.modelName === 'Claude Sonnet 4.5' &&
        row.scope === 'regional' &&
        row.direction === 'input',
    );
    expect(sonnet?.usd).toBe(0.0033);
    // Paged at 3 items: more requests than offer codes.
    expect(api.targets.length).toBeGreaterThan(10);
  });

  it('an AccessDenied keeps the previous snapshot and names the permission', async () => {
    const query = createPricingClient({ credentials: CREDS, endpoint: api.url });
    await refreshPrices(db, { regions: ['us-east-1'], baseUrl: 'http://127.0.0.1:9', query });
    api.queueError('AccessDeniedException');
    const [r] = await refreshPrices(db, {
      regions: ['us-east-1'],
      baseUrl: 'http://127.0.0.1:9',
      query,
    });
    expect(r?.outcome).toBe('kept');
    expect(r?.message).toMatch(
      /denied pricing:GetProducts for AmazonBedrock.*Kept the snapshot published 2026-10-02/,
    );
    expect(r?.message).not.toContain(CREDS.secretAccessKey);
  });
});
