/**
 * Reads one offer file (bulk format, streamed) into Bedrock price rows for the wanted regions.
 * Products arrive before terms in AWS's files; only the few attributes the mapping needs are
 * kept per SKU, so memory grows with the number of products, not with the file's size. A file
 * of the wrong shape (no products, no publicationDate, another format version) is refused with
 * a message that names what is missing.
 */
import {
  classifyPriceRow,
  type OfferAttributes,
  type OfferDimension,
} from '../../shared/pricing/priceList/classifyPriceRow';
import type { PriceRow } from '../../shared/pricing/priceList/priceRow';
import { OfferFileError, OfferStreamParser } from './offerStream';

export interface OfferFileRead {
  offerCode: string;
  publicationDate: string;
  version: string;
  rows: PriceRow[];
  problems: string[];
  ignored: number;
  bytes: number;
}

const MAX_PROBLEMS = 50;

const KEPT: readonly (keyof OfferAttributes)[] = [
  'usagetype',
  'model',
  'titanModel',
  'servicename',
  'regionCode',
  'inferenceType',
  'feature',
  'featureType',
  'serviceTier',
  'service_tier',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keptAttributes(product: unknown): OfferAttributes | null {
  if (!isObject(product) || !isObject(product.attributes)) return null;
  const out: Record<string, string> = {};
  for (const k of KEPT) {
    const v = product.attributes[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export interface ReadOptions {
  /** Regions to keep rows for; rows of other regions are skipped. */
  regions: ReadonlySet<string>;
  /** The region a file without regionCode attributes is for (a per-region file). */
  fileRegion?: string;
  /** Refuse files larger than this (bytes). */
  maxBytes: number;
  offerCodeHint?: string;
}

export async function readOfferFile(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadOptions,
): Promise<OfferFileRead> {
  const top: Record<string, unknown> = {};
  const products = new Map<string, OfferAttributes>();
  const pendingTerms: { type: string; sku: string; value: unknown }[] = [];
  let productCount = 0;
  const rows: PriceRow[] = [];
  const problems: string[] = [];
  let ignored = 0;
  const offerCode = () =>
    typeof top.offerCode === 'string' ? top.offerCode : (options.offerCodeHint ?? 'offer file');

  const onTerm = (type: string, sku: string, value: unknown) => {
    const attrs = products.get(sku);
    if (!attrs) {
      // A term for a SKU not yet seen (files normally list products first) or of another region.
      if (productCount === 0) pendingTerms.push({ type, sku, value });
      return;
    }
    if (!isObject(value)) {
      problems.push(`${offerCode()} ${sku}: terms.${type} is not an object.`);
      return;
    }
    for (const term of Object.values(value)) {
      if (!isObject(term) || !isObject(term.priceDimensions)) {
        problems.push(`${offerCode()} ${attrs.usagetype ?? sku}: a term without priceDimensions.`);
        continue;
      }
      const lease = isObject(term.termAttributes)
        ? term.termAttributes.LeaseContractLength
        : undefined;
      const dims = Object.values(term.priceDimensions).filter(isObject) as OfferDimension[];
      // Tiered ranges are not used by Bedrock token prices; the first range is the rate.
      const first = dims.find((d) => (d.beginRange ?? d.startingRange ?? '0') === '0') ?? dims[0];
      if (!first) continue;
      const c = classifyPriceRow(
        offerCode(),
        sku,
        attrs,
        first,
        options.fileRegion ?? '',
        typeof lease === 'string' ? lease : undefined,
      );
      if (c.ok) {
        if (type !== 'OnDemand' && c.row.kind !== 'provisioned') continue;
        if (c.row.region && options.regions.has(c.row.region)) rows.push(c.row);
      } else if ('problem' in c) problems.push(c.problem);
      else ignored++;
    }
  };

  const parser = new OfferStreamParser({
    top: (k, v) => void (top[k] = v),
    product: (sku, value) => {
      productCount++;
      const attrs = keptAttributes(value);
      if (!attrs) {
        problems.push(`${offerCode()} product ${sku} has no attributes.`);
        return;
      }
      const region = attrs.regionCode || options.fileRegion;
      if (region && !options.regions.has(region)) return;
      products.set(sku, attrs);
    },
    term: onTerm,
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        bytes += chunk.length;
        parser.write(chunk);
      } else {
        bytes += chunk.byteLength;
        parser.write(decoder.decode(chunk, { stream: true }));
      }
      if (bytes > options.maxBytes) {
        throw new OfferFileError(
          `the file is larger than ${Math.round(options.maxBytes / 1e6)} MB; refused as not a Bedrock offer file`,
        );
      }
    }
    parser.write(decoder.decode());
    parser.end();
  } catch (e) {
    if (e instanceof TypeError && /decode|encoded/i.test(e.message)) {
      throw new OfferFileError('the file is not UTF-8 text');
    }
    throw e;
  }
  for (const t of pendingTerms) onTerm(t.type, t.sku, t.value);
  // A file with a new layout could yield a problem per row: keep the first ones and a count.
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, `…and ${more} more rows that could not be read.`);
  }

  const missing = [
    typeof top.publicationDate !== 'string' && 'publicationDate',
    typeof top.formatVersion !== 'string' && 'formatVersion',
    productCount === 0 && 'products',
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) {
    throw new OfferFileError(`not an AWS Price List offer file: no ${missing.join(', ')} found`);
  }
  if (!String(top.formatVersion).startsWith('v1')) {
    throw new OfferFileError(
      `offer file format ${String(top.formatVersion)} is not the v1.0 format this app reads`,
    );
  }
  return {
    offerCode: offerCode(),
    publicationDate: String(top.publicationDate),
    version: typeof top.version === 'string' ? top.version : '',
    rows,
    problems,
    ignored,
    bytes,
  };
}
