/**
 * The Price List snapshot the app ships with (src/shared/pricing/shippedSnapshot.json), written by
 * `npm run prices:build-catalog` on a machine that can reach the Price List. It holds, per
 * region, the same snapshot a `prices refresh` stores (same reader, same rows), so the shipped
 * catalog is built from AWS's own file and not from a hand-written table. Until it has been built
 * (`snapshots` empty) the app falls back to the third-party table in priceCatalog.ts, labelled as
 * such wherever its prices are shown.
 */
import { z } from 'zod';
import type { PriceCatalog } from '../priceSchemas';
import { PriceSnapshotSchema } from './priceSnapshot';
import { snapshotCatalog, type ModelNaming } from './snapshotPrices';

export const ShippedSnapshotSchema = z.object({
  /** The latest publication date of the offer files read; null until the file has been built. */
  publicationDate: z.string().min(1).nullable(),
  /** When the build ran (ISO time); null until built. */
  builtAt: z.string().min(1).nullable(),
  /** The Price List base URL or offer file it was read from. */
  sources: z.array(z.string()),
  /** One snapshot per region, as `prices refresh` stores it. */
  snapshots: z.array(PriceSnapshotSchema),
});
export type ShippedSnapshot = z.infer<typeof ShippedSnapshotSchema>;

/**
 * The shipped catalog out of a shipped snapshot: only what the Price List prices. A model it does
 * not price has no entry, so its price is unknown and the app asks for it; null when the
 * snapshot has not been built.
 */
export function shippedCatalog(
  shipped: ShippedSnapshot,
  names: readonly ModelNaming[],
): PriceCatalog | null {
  if (shipped.snapshots.length === 0 || shipped.publicationDate === null) return null;
  const catalogs = shipped.snapshots.map((s) => snapshotCatalog(s, names));
  return {
    asOf: shipped.publicationDate.slice(0, 10),
    entries: catalogs.flatMap((c) => c.entries),
  };
}
