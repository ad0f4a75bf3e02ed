/**
 * The shipped catalog built from Price List offer files (the stand-in, in AWS's bulk format): the
 * written snapshot holds exactly what `prices refresh` stores for the same files, the catalog
 * built from it names "AWS Price List, <publicationDate>" as every priced model's origin, and a
 * model the files do not price stays unknown. A region that cannot be read writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/support/cliIo';
import {
  setBedrockOffers,
  startPriceListStandIn,
  type PriceListStandIn,
} from '../../../test/support/priceListStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { CATALOG_NAMINGS } from '../../shared/pricing/priceCatalog';
import { priceBookOf, resolvePrice } from '../../shared/pricing/priceBook';
import { describeOrigin } from '../../shared/pricing/priceOrigin';
import {
  ShippedSnapshotSchema,
  shippedCatalog,
} from '../../shared/pricing/priceList/shippedSnapshot';
import { openDatabase } from '../db/open';
import { latestPriceSnapshot } from '../db/repos/priceSnapshots';
import { refreshPrices } from '../priceList/refreshPrices';
import { buildPriceCatalogCommand } from './buildPriceCatalog';

const JULY = '2026-07-01T00:00:00Z';
const AUG = '2026-08-15T00:00:00Z';

let standIn: PriceListStandIn;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  standIn = await startPriceListStandIn();
  setBedrockOffers(standIn, JULY, AUG);
  ({ dir, cleanup } = makeTempDir());
});
afterEach(async () => {
  cleanup();
  await standIn.close();
});

const build = async (argv: string[]) => {
  const c = captureIo({});
  const code = await buildPriceCatalogCommand(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
};

/** Copies the stand-in's index, region indexes and offer files into a folder, at the same paths. */
async function mirror(url: string, into: string): Promise<void> {
  const copy = async (path: string): Promise<unknown> => {
    const text = await (await fetch(new URL(path, url))).text();
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), text);
    return JSON.parse(text);
  };
  const index = (await copy('/offers/v1.0/aws/index.json')) as {
    offers: Record<string, { currentRegionIndexUrl: string }>;
  };
  // Only the Bedrock offers, as a mirror for this command would hold.
  for (const [code, offer] of Object.entries(index.offers)) {
    if (!code.startsWith('AmazonBedrock')) continue;
    const regions = (await copy(offer.currentRegionIndexUrl)) as {
      regions: Record<string, { currentVersionUrl: string }>;
    };
    for (const r of Object.values(regions.regions)) await copy(r.currentVersionUrl);
  }
}

const readShipped = (path: string) =>
  ShippedSnapshotSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

describe('prices:build-catalog', () => {
  it('writes what the refresh stores, and the catalog from it is AWS-priced or unknown', async () => {
    const out = join(dir, 'shippedSnapshot.json');
    const r = await build(['--price-list-url', standIn.url, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('published 2026-08-15');
    const shipped = readShipped(out);
    expect(shipped.publicationDate).toBe(AUG);
    expect(shipped.sources).toEqual([standIn.url]);
    expect(shipped.snapshots.map((s) => s.region)).toEqual(['us-east-1', 'us-west-2']);

    // The app's own refresh of the same files, into a real store, for comparison.
    const { db } = await openDatabase(join(dir, 'app.sqlite'));
    await refreshPrices(db, { regions: ['us-east-1', 'us-west-2'], baseUrl: standIn.url });
    for (const s of shipped.snapshots) {
      const stored = latestPriceSnapshot(db, s.region);
      expect(s.rows).toEqual(stored?.rows);
      expect(s.publicationDate).toBe(stored?.publicationDate);
      expect(s.offers).toEqual(stored?.offers);
    }
    db.close();

    const catalog = shippedCatalog(shipped, CATALOG_NAMINGS);
    if (!catalog) throw new Error('no catalog from a built snapshot');
    const book = priceBookOf([], catalog);
    const novaWest = resolvePrice(book, 'amazon.nova-pro-v1:0', 'us-west-2');
    expect(novaWest).toMatchObject({ found: true, inputUsdPer1k: 0.0009, outputUsdPer1k: 0.0032 });
    const priced = catalog.entries.map((e) => [e.modelId, e.region] as const);
    expect(priced.length).toBeGreaterThan(2);
    for (const [modelId, region] of priced) {
      const p = resolvePrice(book, modelId, region);
      if (!p.found) throw new Error(`${modelId} not priced`);
      const date = shipped.snapshots.find((s) => s.region === region)?.publicationDate;
      expect(describeOrigin(p.origin)).toBe(`AWS Price List, ${date?.slice(0, 10)}`);
    }
    // Llama 3 8B is in the third-party table but not in these offer files: unknown, not filled in.
    expect(resolvePrice(book, 'meta.llama3-8b-instruct-v1:0', 'us-east-1').found).toBe(false);
  });

  it('reads a folder that mirrors the Price List as it reads the Price List', async () => {
    const folder = join(dir, 'mirror');
    await mirror(standIn.url, folder);
    const fromUrl = join(dir, 'url.json');
    const fromFolder = join(dir, 'folder.json');
    expect((await build(['--price-list-url', standIn.url, '--out', fromUrl])).code).toBe(0);
    await standIn.setOffline(true);
    expect((await build(['--price-list-url', folder, '--out', fromFolder])).code).toBe(0);
    const a = readShipped(fromUrl);
    const b = readShipped(fromFolder);
    expect(b.publicationDate).toBe(a.publicationDate);
    expect(b.snapshots.map((s) => s.rows)).toEqual(a.snapshots.map((s) => s.rows));
    expect(b.sources).toEqual([folder]);
    const missing = await build(['--price-list-url', join(dir, 'no-such-folder')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('must be an http(s) URL or a folder');
  });

  it('writes nothing when a region cannot be read, and --help prints usage', async () => {
    const out = join(dir, 'shippedSnapshot.json');
    standIn.queueFault('us-west-2/index.json', 'http503');
    const r = await build(['--price-list-url', standIn.url, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 503');
    expect(r.stderr).toContain('Not written: no prices read for us-west-2');
    expect(existsSync(out)).toBe(false);
    const help = await build(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--price-list-url URL');
    expect((await build(['--region', 'nowhere'])).code).toBe(2);
  });
});
