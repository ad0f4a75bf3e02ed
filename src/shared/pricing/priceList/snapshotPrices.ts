/**
 * Prices of a model out of a Price List snapshot: the narrow API the price book (H4's single
 * resolver) and the runner call. The Price List names models by display name ("Nova Pro",
 * "Claude Sonnet 4.5 (Amazon Bedrock Edition)") or, for mantle SKUs, by an id prefix; model ids
 * are matched to those names through the model lists (account, stored or shipped). A price the
 * snapshot lacks stays unknown: nothing here fills a gap with a multiplier.
 *
 *   tierPrices(snapshot, 'amazon.nova-pro-v1:0', names)  → standard/batch/flex/priority rates
 *   snapshotCatalog(snapshot, names)                      → PriceCatalog entries, source + date
 */
import { usdPer1k, usdPerHour, usdPerMonth } from '../../units';
import { normalizeModelId } from '../modelIds';
import type { KnownOrUnknown, PriceCatalog, PriceEntry } from '../priceSchemas';
import type { SourceRef } from '../sources';
import type { PriceRow, PriceTier } from './priceRow';
import type { PriceSnapshot } from './priceSnapshot';

/** A model id and its display name, from any model list. */
export interface ModelNaming {
  modelId: string;
  modelName: string;
}

/** Lower case, no "(Amazon Bedrock Edition)", no "Instruct", no punctuation or spaces. */
export function normaliseModelName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(amazon bedrock edition\)/g, '')
    .replace(/\binstruct\b|^amazon\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function matches(row: PriceRow, modelId: string, names: readonly ModelNaming[]): boolean {
  // Mantle SKUs name the id without its version: openai.gpt-oss-20b for openai.gpt-oss-20b-1:0.
  if (row.modelName.includes('.') && modelId.startsWith(`${row.modelName}-`)) return true;
  if (row.modelName === modelId) return true;
  const rowName = normaliseModelName(row.modelName);
  return names.some((n) => n.modelId === modelId && normaliseModelName(n.modelName) === rowName);
}

export function rowsForModel(
  snapshot: Pick<PriceSnapshot, 'rows'>,
  modelId: string,
  names: readonly ModelNaming[],
): PriceRow[] {
  const base = normalizeModelId(modelId).modelId;
  return snapshot.rows.filter((r) => matches(r, base, names));
}

export const priceListSource = (
  s: Pick<PriceSnapshot, 'region' | 'publicationDate' | 'offers' | 'source'>,
): SourceRef => ({
  tag: 'aws-price-list',
  ref: `${s.source}: ${s.offers.map((o) => o.offerCode).join(', ') || 'no offer file'}, ${s.region}, published ${s.publicationDate.slice(0, 10)}`,
});

export interface TierPrice {
  tier: PriceTier;
  scope: 'regional' | 'global';
  inputUsdPer1k: number;
  outputUsdPer1k: number;
  publicationDate: string;
  source: SourceRef;
}

/**
 * Token prices per tier for a model, both directions known. `scope` picks the global
 * (cross-region global profile) rate or the region's own; when the wanted scope has no row for a
 * tier, that tier is absent rather than priced at the other scope's rate.
 */
export function tierPrices(
  snapshot: PriceSnapshot,
  modelId: string,
  names: readonly ModelNaming[],
  scope: 'regional' | 'global' = 'regional',
): TierPrice[] {
  const rows = rowsForModel(snapshot, modelId, names).filter(
    (r) => r.kind === 'tokens' && r.scope === scope,
  );
  const out: TierPrice[] = [];
  for (const tier of ['standard', 'batch', 'flex', 'priority', 'reserved'] as const) {
    const input = rows.find((r) => r.tier === tier && r.direction === 'input');
    const output = rows.find((r) => r.tier === tier && r.direction === 'output');
    if (input && output) {
      out.push({
        tier,
        scope,
        inputUsdPer1k: input.usd,
        outputUsdPer1k: output.usd,
        publicationDate: snapshot.publicationDate,
        source: priceListSource(snapshot),
      });
    }
  }
  return out;
}

const unknown = (unknownReason: string) => ({ value: null, unknownReason }) as const;

function known<T>(value: T | undefined, source: SourceRef, missing: string): KnownOrUnknown<T> {
  return value === undefined ? unknown(missing) : { value, sources: [source] };
}

function entryFor(
  snapshot: PriceSnapshot,
  modelId: string,
  rows: PriceRow[],
  source: SourceRef,
): PriceEntry | null {
  const pick = (f: (r: PriceRow) => boolean) => rows.find((r) => r.scope === 'regional' && f(r));
  const input = pick(
    (r) => r.kind === 'tokens' && r.tier === 'standard' && r.direction === 'input',
  );
  const output = pick(
    (r) => r.kind === 'tokens' && r.tier === 'standard' && r.direction === 'output',
  );
  if (!input || !output) return null;
  const batchIn = pick((r) => r.kind === 'tokens' && r.tier === 'batch' && r.direction === 'input');
  const missing = (what: string) =>
    `${what} is not in the AWS Price List snapshot of ${snapshot.publicationDate.slice(0, 10)} for ${snapshot.region}; enter it as an override.`;
  const brand = <T>(v: number | undefined, f: (n: number) => T) =>
    v === undefined ? undefined : f(v);
  const hourly = (term: string) =>
    brand(pick((r) => r.kind === 'provisioned' && r.term === term)?.usd, usdPerHour);
  const date = snapshot.publicationDate.slice(0, 10);
  return {
    modelId,
    region: snapshot.region,
    onDemand: {
      inputUsdPer1k: usdPer1k(input.usd),
      outputUsdPer1k: usdPer1k(output.usd),
      sources: [source],
    },
    batchMultiplier:
      batchIn && input.usd > 0
        ? {
            value: Math.min(1, batchIn.usd / input.usd),
            sources: [source],
            note: `Batch input ${batchIn.usd} vs on-demand ${input.usd} USD per 1K tokens in the Price List.`,
          }
        : unknown(missing('A batch price')),
    provisionedUsdPerHourPerUnit: {
      noCommitment: known(hourly('noCommitment'), source, missing('A no-commitment hourly rate')),
      oneMonth: known(hourly('oneMonth'), source, missing('A 1-month hourly rate')),
      sixMonths: known(hourly('sixMonths'), source, missing('A 6-month hourly rate')),
    },
    trainingUsdPer1kTokens: known(
      brand(pick((r) => r.kind === 'training')?.usd, usdPer1k),
      source,
      missing('A customization (training) price'),
    ),
    storageUsdPerMonth: known(
      brand(pick((r) => r.kind === 'storage')?.usd, usdPerMonth),
      source,
      missing('A custom-model storage price'),
    ),
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : snapshot.fetchedAt.slice(0, 10),
    overridden: false,
  };
}

/** The snapshot as catalog entries, one per model of `names` it prices (standard tier known). */
export function snapshotCatalog(
  snapshot: PriceSnapshot,
  names: readonly ModelNaming[],
): PriceCatalog {
  const source = priceListSource(snapshot);
  const ids = [...new Set(names.map((n) => n.modelId))];
  const entries = ids.flatMap((id) => {
    const e = entryFor(snapshot, id, rowsForModel(snapshot, id, names), source);
    return e ? [e] : [];
  });
  return { asOf: snapshot.publicationDate.slice(0, 10), entries };
}

/**
 * A catalog with snapshot entries laid over it: a model the Price List prices in a region takes
 * the snapshot's entry (its source and publication date), others keep the base entry. The price
 * book applies the user's overrides on top of this.
 */
export function withSnapshotCatalogs(
  base: PriceCatalog,
  snapshots: readonly PriceCatalog[],
): PriceCatalog {
  const key = (e: PriceEntry) => `${e.modelId}\u0000${e.region}`;
  const byKey = new Map(base.entries.map((e) => [key(e), e]));
  for (const s of snapshots) for (const e of s.entries) byKey.set(key(e), e);
  return { asOf: base.asOf, entries: [...byKey.values()] };
}
