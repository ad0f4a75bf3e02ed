/**
 * Price List refreshes against the stand-in (HTTP, streamed files in AWS's format) into a real
 * SQLite file: snapshots, what changed, units, tiers, and every way a refresh can go wrong
 * without losing the previous snapshot.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bedrockRows, offerFile } from '../../../test/support/offerFiles';
import {
  setBedrockOffers,
  startPriceListStandIn,
  type PriceListStandIn,
} from '../../../test/support/priceListStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { snapshotCatalog, tierPrices } from '../../shared/pricing/priceList/snapshotPrices';
import { shippedModelList } from '../../shared/models/shippedModelList';
import { openDatabase } from '../db/open';
import { latestPriceSnapshot, listPriceSnapshots } from '../db/repos/priceSnapshots';
import { refreshPrices } from './refreshPrices';

const NAMES = (shippedModelList('us-east-1')?.models ?? []).map((m) => ({
  modelId: m.modelId,
  modelName: m.modelName,
}));
const NOVA_PRO = 'amazon.nova-pro-v1:0';
const JULY = '2026-07-01T00:00:00Z';
const NOV = '2026-11-01T00:00:00Z';

let standIn: PriceListStandIn;
let db: Database;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  standIn = await startPriceListStandIn();
  setBedrockOffers(standIn, JULY);
  const t = makeTempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  db = (await openDatabase(join(t.dir, 'db.sqlite'))).db;
});
afterEach(async () => {
  db.close();
  cleanup();
  await standIn.close();
});

const refresh = (regions: string[], extra: Partial<Parameters<typeof refreshPrices>[1]> = {}) =>
  refreshPrices(db, { regions, baseUrl: standIn.url, ...extra });

describe('refreshPrices', () => {
  it('reads every Bedrock offer code of each region into a dated snapshot, units normalised', async () => {
    const [east, west] = await refresh(['us-east-1', 'us-west-2']);
    expect(east?.outcome).toBe('saved');
    expect(west?.outcome).toBe('saved');
    expect(standIn.requests).not.toContain('/offers/v1.0/aws/AmazonEC2/current/region_index.json');
    const snap = latestPriceSnapshot(db, 'us-east-1');
    expect(snap?.publicationDate).toBe(JULY);
    expect(snap?.offers.map((o) => o.offerCode).sort()).toEqual([
      'AmazonBedrock',
      'AmazonBedrockFoundationModels',
    ]);
    if (!snap) throw new Error('no snapshot');
    expect(
      tierPrices(snap, NOVA_PRO, NAMES).map((t) => [t.tier, t.inputUsdPer1k, t.outputUsdPer1k]),
    ).toEqual([
      ['standard', 0.0008, 0.0032],
      ['batch', 0.0004, 0.0016],
      ['flex', 0.0004, 0.0016],
      ['priority', 0.0014, 0.0056],
    ]);
    // Marketplace Claude: per 1M tokens in the file, per 1K in the app; geo vs global rates.
    const sonnet = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
    expect(tierPrices(snap, sonnet, NAMES)).toMatchObject([
      { tier: 'standard', inputUsdPer1k: 0.0033, outputUsdPer1k: 0.0165 },
    ]);
    expect(tierPrices(snap, `global.${sonnet}`, NAMES, 'global')).toMatchObject([
      { inputUsdPer1k: 0.003, outputUsdPer1k: 0.015 },
    ]);
    // Mantle rows name the model by id; 1M-token units.
    expect(
      tierPrices(snap, 'openai.gpt-oss-20b-1:0', NAMES).map((t) => [t.tier, t.inputUsdPer1k]),
    ).toEqual([
      ['standard', 0.00007],
      ['flex', 0.000035],
    ]);
    const catalog = snapshotCatalog(snap, NAMES);
    const nova = catalog.entries.find((e) => e.modelId === NOVA_PRO);
    expect(nova?.asOf).toBe('2026-07-01');
    expect(nova?.batchMultiplier.value).toBe(0.5);
    expect(nova?.onDemand.sources[0]?.ref).toMatch(
      /AWS Price List .*us-east-1, published 2026-07-01/,
    );
    const lite = catalog.entries.find((e) => e.modelId === 'amazon.nova-lite-v1:0');
    expect(lite).toBeUndefined(); // only custom-model rows: no standard on-demand price, so no entry
    // A price the Price List lacks stays unknown.
    expect(nova?.provisionedUsdPerHourPerUnit.oneMonth.value).toBeNull();
  });

  it('a second refresh shows what changed, and the old snapshot is still listed', async () => {
    await refresh(['us-east-1']);
    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: NOV,
      rows: bedrockRows('us-east-1', '0.00075'),
    });
    const [r] = await refresh(['us-east-1']);
    expect(r?.outcome).toBe('saved');
    expect(r?.diff?.fromPublicationDate).toBe(JULY);
    expect(r?.diff?.changed.map((c) => [c.before?.usd, c.after?.usd, c.after?.usagetype])).toEqual([
      [0.0008, 0.00075, 'USE1-NovaPro-input-tokens'],
    ]);
    expect(listPriceSnapshots(db, 'us-east-1').map((s) => s.publicationDate)).toEqual([NOV, JULY]);
    // The same files again change nothing and store nothing.
    const [again] = await refresh(['us-east-1']);
    expect(again?.outcome).toBe('unchanged');
    expect(listPriceSnapshots(db, 'us-east-1')).toHaveLength(2);
  });

  it.each([
    ['truncate', /cut short|ends early/],
    ['notJson', /not valid JSON/],
    ['http503', /HTTP 503/],
    ['hangUp', /cut short|Could not reach|ends early|fetch failed/],
  ] as const)(
    'a %s offer file keeps the previous snapshot and says what it could not read',
    async (fault, message) => {
      await refresh(['us-east-1']);
      standIn.setOffer('us-east-1', {
        offerCode: 'AmazonBedrock',
        publicationDate: NOV,
        rows: bedrockRows('us-east-1', '0.5'),
      });
      standIn.queueFault('/us-east-1/index.json', fault);
      const [r] = await refresh(['us-east-1']);
      expect(r?.outcome).toBe('kept');
      expect(r?.message).toMatch(message);
      expect(r?.message).toContain('Kept the snapshot published 2026-07-01');
      expect(latestPriceSnapshot(db, 'us-east-1')?.publicationDate).toBe(JULY);
    },
  );

  it('refuses a wrong-format file and a huge one, keeping what was there', async () => {
    await refresh(['us-east-1']);
    standIn.setRawOffer(
      'us-east-1',
      'AmazonBedrock',
      JSON.stringify({ formatVersion: 'v1.0', products: {} }),
    );
    const [wrong] = await refresh(['us-east-1']);
    expect(wrong?.outcome).toBe('kept');
    expect(wrong?.message).toMatch(
      /not an AWS Price List offer file: no publicationDate, products/,
    );
    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: NOV,
      rows: bedrockRows('us-east-1'),
    });
    const [huge] = await refresh(['us-east-1'], { maxOfferBytes: 2_000 });
    expect(huge?.outcome).toBe('kept');
    expect(huge?.message).toMatch(/larger than/);
    expect(listPriceSnapshots(db, 'us-east-1')).toHaveLength(1);
  });

  it('keeps readable rows when one has an unknown unit, and lists the problem', async () => {
    const rows = [
      ...bedrockRows('us-east-1'),
      {
        usagetype: 'USE1-NovaMicro-input-tokens',
        regionCode: 'us-east-1',
        model: 'Nova Micro',
        unit: '10K tokens',
        usd: '0.00035',
      },
    ];
    standIn.setOffer('us-east-1', { offerCode: 'AmazonBedrock', publicationDate: JULY, rows });
    const [r] = await refresh(['us-east-1']);
    expect(r?.outcome).toBe('saved');
    expect(r?.problems).toContain(
      'AmazonBedrock USE1-NovaMicro-input-tokens (Nova Micro): unknown unit "10K tokens"; this price was left out.',
    );
    expect(latestPriceSnapshot(db, 'us-east-1')?.problems).toHaveLength(1);
  });

  it('lists at most 50 unreadable rows, then how many more', async () => {
    const odd = Array.from({ length: 60 }, (_, i) => ({
      usagetype: `USE1-Odd${i}-input-tokens`,
      regionCode: 'us-east-1',
      model: `Odd ${i}`,
      unit: 'parsecs',
      usd: '1',
    }));
    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: JULY,
      rows: [...bedrockRows('us-east-1'), ...odd],
    });
    const [r] = await refresh(['us-east-1']);
    expect(r?.outcome).toBe('saved');
    expect(r?.problems).toHaveLength(51);
    expect(r?.problems.at(-1)).toBe('…and 10 more rows that could not be read.');
  });

  it('says when a region has no Bedrock prices, and when the Price List is offline', async () => {
    const [none] = await refresh(['af-south-1']);
    expect(none?.outcome).toBe('none');
    expect(none?.message).toMatch(/no Bedrock token prices for af-south-1/);
    await refresh(['us-east-1']);
    await standIn.setOffline(true);
    const [off] = await refresh(['us-east-1']);
    expect(off?.outcome).toBe('kept');
    expect(off?.message).toMatch(
      /Could not reach the Price List.*Kept the snapshot published 2026-07-01/,
    );
  });

  it('reads one offer file given with --from (a path), for the regions asked', async () => {
    const file = join(dir, 'offer.json');
    writeFileSync(
      file,
      offerFile({
        offerCode: 'AmazonBedrock',
        publicationDate: NOV,
        rows: [...bedrockRows('us-east-1'), ...bedrockRows('eu-central-1', '0.001')],
      }),
    );
    const results = await refreshPrices(db, {
      regions: ['eu-central-1'],
      baseUrl: 'http://127.0.0.1:9',
      from: file,
    });
    expect(results.map((r) => r.outcome)).toEqual(['saved']);
    expect(
      latestPriceSnapshot(db, 'eu-central-1')?.rows.every((r) => r.region === 'eu-central-1'),
    ).toBe(true);
    expect(latestPriceSnapshot(db, 'us-east-1')).toBeNull();
  });
});
