/**
 * The narrow set of prices the serving and investment model needs for one student in one
 * region. Today it is filled from the dated catalog entry; the AWS Price List catalog (tiers,
 * batch, custom-model per-token rates, customization, provisioned units per term) can fill the
 * same shape later without the ROI model changing. A null is a price the source does not give:
 * the form asks for it and never invents one.
 */
import type { PriceEntry, ProvisionedTerm } from '../pricing/priceSchemas';

export interface ServingPrices {
  /** Batch price over standard where the price list has a batch price; null: batch not offered. */
  batchMultiplier: number | null;
  /** Per-token rates of an on-demand custom-model deployment (`*-custom-model` usage types). */
  customModel: { inputUsdPer1k: number; outputUsdPer1k: number } | null;
  provisionedUsdPerHourPerUnit: Record<ProvisionedTerm, number | null>;
  trainingUsdPer1kTokens: number | null;
  storageUsdPerMonth: number | null;
}

export const NO_SERVING_PRICES: ServingPrices = {
  batchMultiplier: null,
  customModel: null,
  provisionedUsdPerHourPerUnit: { noCommitment: null, oneMonth: null, sixMonths: null },
  trainingUsdPer1kTokens: null,
  storageUsdPerMonth: null,
};

/** From a catalog entry; the current catalog holds no custom-model per-token rates. */
export function servingPricesFromEntry(entry: PriceEntry | null): ServingPrices {
  if (!entry) return NO_SERVING_PRICES;
  const p = entry.provisionedUsdPerHourPerUnit;
  return {
    batchMultiplier: entry.batchMultiplier.value,
    customModel: null,
    provisionedUsdPerHourPerUnit: {
      noCommitment: p.noCommitment.value,
      oneMonth: p.oneMonth.value,
      sixMonths: p.sixMonths.value,
    },
    trainingUsdPer1kTokens: entry.trainingUsdPer1kTokens.value,
    storageUsdPerMonth: entry.storageUsdPerMonth.value,
  };
}
