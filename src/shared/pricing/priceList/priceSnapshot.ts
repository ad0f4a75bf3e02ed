/**
 * A Price List snapshot of one region: every Bedrock price read from the offer files of one
 * refresh, with each file's publication date, and what could not be read. Snapshots are kept
 * side by side (never overwritten), so what changed between two is always answerable.
 */
import { z } from 'zod';
import { PriceRowSchema, priceRowKey, type PriceRow } from './priceRow';

export const OfferReadSchema = z.object({
  offerCode: z.string().min(1),
  /** The offer file's own `publicationDate`. */
  publicationDate: z.string().min(1),
  version: z.string(),
  /** Where it was read from (URL or file path). */
  source: z.string(),
  rows: z.number().int().nonnegative(),
});
export type OfferRead = z.infer<typeof OfferReadSchema>;

export const PriceSnapshotSchema = z.object({
  id: z.number().int(),
  region: z.string().min(1),
  /** The latest publication date of the offer files it was read from. */
  publicationDate: z.string().min(1),
  fetchedAt: z.string().min(1),
  /** 'AWS Price List (bulk offer files)', 'AWS Price List (GetProducts)' or a file/URL given. */
  source: z.string().min(1),
  offers: z.array(OfferReadSchema),
  rows: z.array(PriceRowSchema),
  /** Rows or files the refresh could not read (kept so the user can see what is missing). */
  problems: z.array(z.string()),
});
export type PriceSnapshot = z.infer<typeof PriceSnapshotSchema>;

/** A snapshot without its rows, for lists. */
export const PriceSnapshotSummarySchema = PriceSnapshotSchema.omit({ rows: true }).extend({
  rowCount: z.number().int().nonnegative(),
});
export type PriceSnapshotSummary = z.infer<typeof PriceSnapshotSummarySchema>;

export const PriceChangeSchema = z.object({
  key: z.string(),
  before: PriceRowSchema.nullable(),
  after: PriceRowSchema.nullable(),
});
export type PriceChange = z.infer<typeof PriceChangeSchema>;

export const SnapshotDiffSchema = z.object({
  region: z.string(),
  /** Null when there was no earlier snapshot: every row is then 'added'. */
  fromPublicationDate: z.string().nullable(),
  toPublicationDate: z.string(),
  added: z.array(PriceChangeSchema),
  removed: z.array(PriceChangeSchema),
  changed: z.array(PriceChangeSchema),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiffSchema>;

export function diffSnapshots(
  before: Pick<PriceSnapshot, 'rows' | 'publicationDate'> | null,
  after: Pick<PriceSnapshot, 'rows' | 'publicationDate' | 'region'>,
): SnapshotDiff {
  const old = new Map<string, PriceRow>((before?.rows ?? []).map((r) => [priceRowKey(r), r]));
  const now = new Map<string, PriceRow>(after.rows.map((r) => [priceRowKey(r), r]));
  const diff: SnapshotDiff = {
    region: after.region,
    fromPublicationDate: before?.publicationDate ?? null,
    toPublicationDate: after.publicationDate,
    added: [],
    removed: [],
    changed: [],
  };
  for (const [key, row] of now) {
    const was = old.get(key);
    if (!was) diff.added.push({ key, before: null, after: row });
    else if (was.usd !== row.usd) diff.changed.push({ key, before: was, after: row });
  }
  for (const [key, row] of old) {
    if (!now.has(key)) diff.removed.push({ key, before: row, after: null });
  }
  return diff;
}

/** What a refresh did for one region (see main/priceList/refreshPrices.ts). */
export const RegionRefreshSchema = z.object({
  region: z.string(),
  /** saved: a new snapshot; unchanged: same prices, nothing stored; kept: the refresh failed; none: no Bedrock prices there. */
  outcome: z.enum(['saved', 'unchanged', 'kept', 'none']),
  message: z.string(),
  /** The region's current snapshot after the refresh (new or kept), without rows. */
  snapshot: PriceSnapshotSummarySchema.nullable(),
  diff: SnapshotDiffSchema.nullable(),
  problems: z.array(z.string()),
});
export type RegionRefresh = z.infer<typeof RegionRefreshSchema>;
