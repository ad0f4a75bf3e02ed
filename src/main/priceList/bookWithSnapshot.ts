/**
 * The price book with the region's latest Price List snapshot laid over its catalog, for the
 * command line (the renderer does the same with the snapshot it reads over IPC). Model names to
 * match Price List rows come from the stored model list, then the shipped ones.
 */
import type { Database } from 'better-sqlite3';
import { SHIPPED_REGIONS, shippedModelList } from '../../shared/models/shippedModelList';
import type { PriceBook } from '../../shared/pricing/priceBook';
import {
  snapshotCatalog,
  withSnapshotCatalogs,
  type ModelNaming,
} from '../../shared/pricing/priceList/snapshotPrices';
import { storedModelList } from '../db/repos/modelLists';
import { latestPriceSnapshot } from '../db/repos/priceSnapshots';

export function namingsFor(db: Database, region: string): ModelNaming[] {
  const lists = [storedModelList(db, region), ...SHIPPED_REGIONS.map((r) => shippedModelList(r))];
  return lists.flatMap(
    (l) => l?.models.map((m) => ({ modelId: m.modelId, modelName: m.modelName })) ?? [],
  );
}

export function bookWithSnapshot(book: PriceBook, db: Database, region: string): PriceBook {
  const snapshot = latestPriceSnapshot(db, region);
  if (!snapshot) return book;
  return {
    ...book,
    catalog: withSnapshotCatalogs(book.catalog, [
      snapshotCatalog(snapshot, namingsFor(db, region)),
    ]),
  };
}
