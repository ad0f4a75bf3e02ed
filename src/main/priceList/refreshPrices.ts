/**
 * A Price List refresh: for each region, read every Bedrock offer code's file (the offer index,
 * then each code's region index, then the region's file, all streamed), or one file given with
 * --from, and store the prices as a new dated snapshot beside the earlier ones. A refresh that
 * cannot read a file, or finds one of an unexpected shape, stores nothing for that region: the
 * previous snapshot stays the current one, and the answer says what could not be read.
 */
import type { Database } from 'better-sqlite3';
import type { PriceRow } from '../../shared/pricing/priceList/priceRow';
import {
  diffSnapshots,
  type OfferRead,
  type PriceSnapshotSummary,
  type RegionRefresh,
} from '../../shared/pricing/priceList/priceSnapshot';

export type { RegionRefresh };
import { insertPriceSnapshot, latestPriceSnapshot } from '../db/repos/priceSnapshots';
import { OfferFileError } from './offerStream';
import {
  MAX_OFFER_BYTES,
  openSource,
  PriceListFetchError,
  readJson,
  resolveUrl,
} from './priceListHttp';
import { readOfferFile } from './readOfferFile';
import type { PricingClient } from '@aws-sdk/client-pricing';
import { readViaGetProducts } from './getProducts';

/** Offer codes known to hold Bedrock prices, used when the offer index lists none. */
export const BEDROCK_OFFER_CODES = ['AmazonBedrock', 'AmazonBedrockFoundationModels'];

export interface RefreshOptions {
  regions: readonly string[];
  /** Base URL of the Price List (default host, a proxy, or a stand-in). */
  baseUrl: string;
  /** One offer file (URL or path) to read instead of the Price List's index. */
  from?: string;
  now?: () => Date;
  maxOfferBytes?: number;
  signal?: AbortSignal;
  /** Read through the Price List Query API (GetProducts, needs credentials) instead of the bulk files. */
  query?: PricingClient;
}

interface Gathered {
  offers: OfferRead[];
  rows: PriceRow[];
  /** Problems that mean the snapshot would be incomplete: nothing is stored. */
  fatal: string[];
  /** Rows that could not be read inside files that were otherwise read. */
  problems: string[];
}

const describe = (e: unknown, what: string): string => {
  if (e instanceof OfferFileError) return `${what}: ${e.message}.`;
  if (e instanceof PriceListFetchError) return e.message;
  return `${what}: ${(e as Error).message ?? String(e)}`;
};

async function readOne(
  source: string,
  region: string | undefined,
  regions: ReadonlySet<string>,
  options: RefreshOptions,
  offerCodeHint: string | undefined,
  into: Gathered,
): Promise<void> {
  try {
    const read = await readOfferFile(await openSource(source, options.signal), {
      regions,
      ...(region ? { fileRegion: region } : {}),
      maxBytes: options.maxOfferBytes ?? MAX_OFFER_BYTES,
      ...(offerCodeHint ? { offerCodeHint } : {}),
    });
    into.offers.push({
      offerCode: read.offerCode,
      publicationDate: read.publicationDate,
      version: read.version,
      source,
      rows: read.rows.length,
    });
    into.rows.push(...read.rows);
    into.problems.push(...read.problems);
  } catch (e) {
    into.fatal.push(describe(e, `Could not read ${offerCodeHint ?? 'the offer file'} (${source})`));
  }
}

async function bedrockOfferCodes(options: RefreshOptions): Promise<string[]> {
  const index = (await readJson(
    resolveUrl(options.baseUrl, '/offers/v1.0/aws/index.json'),
    options.signal,
  )) as { offers?: Record<string, unknown> };
  if (typeof index !== 'object' || index === null || typeof index.offers !== 'object') {
    throw new PriceListFetchError('The Price List offer index has no "offers": unexpected shape.');
  }
  const codes = Object.keys(index.offers ?? {}).filter((c) => /^AmazonBedrock/.test(c));
  return codes.length > 0 ? codes : BEDROCK_OFFER_CODES;
}

/** Per offer code, the region → file URL map of its region index (or the error). */
async function regionFiles(
  options: RefreshOptions,
  code: string,
): Promise<Map<string, string> | string> {
  const url = resolveUrl(options.baseUrl, `/offers/v1.0/aws/${code}/current/region_index.json`);
  try {
    const index = (await readJson(url, options.signal)) as {
      regions?: Record<string, { currentVersionUrl?: unknown }>;
    };
    if (typeof index?.regions !== 'object' || index.regions === null) {
      return `The region index of ${code} has no "regions": unexpected shape.`;
    }
    const out = new Map<string, string>();
    for (const [region, entry] of Object.entries(index.regions)) {
      if (typeof entry?.currentVersionUrl === 'string') {
        // currentVersionUrl is relative to the Price List host (§1.1).
        out.set(region, resolveUrl(options.baseUrl, entry.currentVersionUrl));
      }
    }
    return out;
  } catch (e) {
    return describe(e, `Could not read the region index of ${code}`);
  }
}

function finish(
  db: Database,
  region: string,
  g: Gathered,
  source: string,
  now: Date,
): RegionRefresh {
  const previous = latestPriceSnapshot(db, region);
  const kept = previous
    ? `Kept the snapshot published ${previous.publicationDate.slice(0, 10)}.`
    : 'No earlier snapshot to keep: prices stay unknown until a refresh succeeds.';
  const summary = (s: typeof previous): PriceSnapshotSummary | null => {
    if (!s) return null;
    const { rows, ...rest } = s;
    return { ...rest, rowCount: rows.length };
  };
  if (g.fatal.length > 0) {
    return {
      region,
      outcome: 'kept',
      message: `${g.fatal.join(' ')} ${kept}`,
      snapshot: summary(previous),
      diff: null,
      problems: [...g.fatal, ...g.problems],
    };
  }
  const rows = g.rows.filter((r) => r.region === region);
  if (rows.length === 0) {
    return {
      region,
      outcome: 'none',
      message: `The Price List has no Bedrock token prices for ${region} (Bedrock may not be offered there). ${kept}`,
      snapshot: summary(previous),
      diff: null,
      problems: g.problems,
    };
  }
  const publicationDate = g.offers
    .map((o) => o.publicationDate)
    .sort()
    .at(-1) as string;
  const next = { region, publicationDate, rows };
  const diff = diffSnapshots(previous, next);
  const same =
    previous !== null &&
    previous.publicationDate === publicationDate &&
    diff.added.length + diff.removed.length + diff.changed.length === 0;
  if (same) {
    return {
      region,
      outcome: 'unchanged',
      message: `Prices for ${region} are as published ${publicationDate.slice(0, 10)}: nothing changed.`,
      snapshot: summary(previous),
      diff,
      problems: g.problems,
    };
  }
  const saved = insertPriceSnapshot(db, {
    region,
    publicationDate,
    fetchedAt: now.toISOString(),
    source,
    offers: g.offers,
    rows,
    problems: g.problems,
  });
  return {
    region,
    outcome: 'saved',
    message: `Saved ${rows.length} prices for ${region} published ${publicationDate.slice(0, 10)}: ${diff.changed.length} changed, ${diff.added.length} new, ${diff.removed.length} gone.`,
    snapshot: summary(saved),
    diff,
    problems: g.problems,
  };
}

const QUERY_OFFER_CODES = [...BEDROCK_OFFER_CODES, 'AmazonBedrockService'];

function queryMessage(e: unknown, code: string): string {
  const name = (e as { name?: string }).name ?? '';
  if (name === 'AccessDeniedException') {
    return `AWS denied pricing:GetProducts for ${code}: allow it for these credentials, or refresh from the public bulk files.`;
  }
  if (name === 'ThrottlingException')
    return `The Price List Query API is throttling (${code}): try again in a minute.`;
  return `Could not read ${code} through GetProducts: ${name ? `${name}: ` : ''}${(e as Error).message ?? String(e)}`;
}

async function refreshViaQuery(
  db: Database,
  client: PricingClient,
  options: RefreshOptions,
  now: Date,
): Promise<RegionRefresh[]> {
  const results: RegionRefresh[] = [];
  for (const region of options.regions) {
    const g: Gathered = { offers: [], rows: [], fatal: [], problems: [] };
    for (const code of QUERY_OFFER_CODES) {
      try {
        const read = await readViaGetProducts(client, code, region, options.signal);
        if (read.offer) g.offers.push(read.offer);
        g.rows.push(...read.rows);
        g.problems.push(...read.problems);
      } catch (e) {
        // An offer code the API does not know is not a failure: Bedrock's codes vary.
        if ((e as { name?: string }).name === 'NotFoundException') continue;
        g.fatal.push(queryMessage(e, code));
      }
    }
    results.push(finish(db, region, g, 'AWS Price List (GetProducts)', now));
  }
  return results;
}

export async function refreshPrices(
  db: Database,
  options: RefreshOptions,
): Promise<RegionRefresh[]> {
  const now = (options.now ?? (() => new Date()))();
  const wanted = new Set(options.regions);
  if (options.query) return refreshViaQuery(db, options.query, options, now);
  if (options.from) {
    const g: Gathered = { offers: [], rows: [], fatal: [], problems: [] };
    const single = options.regions.length === 1 ? options.regions[0] : undefined;
    await readOne(options.from, single, wanted, options, undefined, g);
    return options.regions.map((r) => finish(db, r, g, `Offer file ${options.from}`, now));
  }
  let codes: string[];
  try {
    codes = await bedrockOfferCodes(options);
  } catch (e) {
    const g: Gathered = {
      offers: [],
      rows: [],
      fatal: [describe(e, 'Could not read the Price List offer index')],
      problems: [],
    };
    return options.regions.map((r) => finish(db, r, g, 'AWS Price List', now));
  }
  const indexes = new Map<string, Map<string, string> | string>();
  for (const code of codes) indexes.set(code, await regionFiles(options, code));
  const results: RegionRefresh[] = [];
  for (const region of options.regions) {
    const g: Gathered = { offers: [], rows: [], fatal: [], problems: [] };
    for (const [code, index] of indexes) {
      if (typeof index === 'string') {
        g.fatal.push(index);
        continue;
      }
      const url = index.get(region);
      if (url) await readOne(url, region, new Set([region]), options, code, g);
    }
    results.push(finish(db, region, g, 'AWS Price List (bulk offer files)', now));
  }
  return results;
}
