/**
 * Builds the shipped Price List snapshot (shared/pricing/shippedSnapshot.json) with the app's own
 * refresh: `refreshPrices` reads the offer files into a throwaway SQLite store, and the snapshot
 * it stored for each region is what ships. One reader for both, so the shipped prices are
 * exactly what a `prices refresh` of the same files would store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShippedSnapshot } from '../../shared/pricing/priceList/shippedSnapshot';
import type { PriceSnapshot } from '../../shared/pricing/priceList/priceSnapshot';
import { openDatabase } from '../db/open';
import { latestPriceSnapshot } from '../db/repos/priceSnapshots';
import { refreshPrices, type RefreshOptions } from './refreshPrices';

export interface BuiltSnapshot {
  shipped: ShippedSnapshot;
  /** One line per region: what the refresh did (saved, or why not). */
  messages: string[];
  /** Regions the refresh could not read: nothing should be shipped then. */
  failed: string[];
}

export async function buildShippedSnapshot(options: RefreshOptions): Promise<BuiltSnapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'distill-roi-prices-'));
  const { db } = await openDatabase(join(dir, 'prices.sqlite'));
  try {
    const results = await refreshPrices(db, options);
    const snapshots: PriceSnapshot[] = [];
    const failed: string[] = [];
    for (const r of results) {
      const s = r.outcome === 'saved' ? latestPriceSnapshot(db, r.region) : null;
      if (s) snapshots.push(s);
      else failed.push(r.region);
    }
    const dates = snapshots.map((s) => s.publicationDate).sort();
    const now = (options.now ?? (() => new Date()))();
    return {
      shipped: {
        publicationDate: dates.at(-1) ?? null,
        builtAt: snapshots.length > 0 ? now.toISOString() : null,
        sources: [options.from ?? options.baseUrl],
        snapshots,
      },
      messages: results.map((r) => `${r.region}: ${r.message}`),
      failed,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
