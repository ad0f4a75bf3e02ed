/**
 * The serving options and prices for one custom model, from the store: the price book with the
 * region's latest Price List snapshot laid over it, and that snapshot's custom-model per-token
 * rates. The screen's list and the purchase both ask here, so they show and buy the same figures.
 */
import type { Database } from 'better-sqlite3';
import { customModelRates } from '../../shared/pricing/priceList/customModelRates';
import { servingOffer, type ServingOffer } from '../../shared/serving/servingCost';
import type { CustomModel } from '../../shared/serving/servingDomain';
import { loadPriceBook } from '../db/repos/priceOverrides';
import { latestPriceSnapshot } from '../db/repos/priceSnapshots';
import { bookWithSnapshot, namingsFor } from '../priceList/bookWithSnapshot';

export function servingOfferFor(db: Database, model: CustomModel): ServingOffer {
  const book = bookWithSnapshot(loadPriceBook(db), db, model.region);
  const snapshot = latestPriceSnapshot(db, model.region);
  const rates =
    snapshot && model.baseModelId
      ? customModelRates(snapshot, model.baseModelId, namingsFor(db, model.region))
      : null;
  return servingOffer(model, book, rates);
}
