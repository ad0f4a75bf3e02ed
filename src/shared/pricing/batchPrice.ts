/**
 * The one rule for "may this model be sent to batch, and at what price": a model goes to batch
 * only with a known batch price. Today the catalog gives batch as a multiple of on-demand
 * (`batchMultiplier`); a catalog with explicit batch prices per model feeds the same function by
 * passing `explicit`. The price applies to the experiment's own on-demand snapshot, so that an
 * overridden on-demand price is halved as the user would expect.
 */
import type { ModelPrice } from '../domain/experiment';
import { findPrice } from './findPrice';
import { PRICE_CATALOG } from './priceCatalog';
import type { PriceCatalog } from './priceSchemas';

export type BatchPriceResult = { ok: true; price: ModelPrice } | { ok: false; message: string };

export function batchPriceFor(
  onDemand: ModelPrice,
  region: string,
  options: {
    catalog?: PriceCatalog;
    explicit?: { inputUsdPer1k: number; outputUsdPer1k: number; source: string } | null;
  } = {},
): BatchPriceResult {
  if (options.explicit) {
    return {
      ok: true,
      price: {
        ...onDemand,
        inputUsdPer1k: options.explicit.inputUsdPer1k,
        outputUsdPer1k: options.explicit.outputUsdPer1k,
        source: `Batch price: ${options.explicit.source}`.slice(0, 500),
      },
    };
  }
  const found = findPrice(onDemand.modelId, region, options.catalog ?? PRICE_CATALOG);
  if (!found.found) {
    return {
      ok: false,
      message: `${onDemand.modelId} has no batch price (${found.message}); it cannot be sent to batch.`,
    };
  }
  if (found.via === 'customizationBase') {
    return {
      ok: false,
      message: `${onDemand.modelId} is a custom model; Bedrock batch inference does not serve custom or provisioned models.`,
    };
  }
  const m = found.entry.batchMultiplier;
  if (m.value === null) {
    return {
      ok: false,
      message: `${onDemand.modelId} has no batch price (${m.unknownReason}); it cannot be sent to batch.`,
    };
  }
  return {
    ok: true,
    price: {
      ...onDemand,
      inputUsdPer1k: onDemand.inputUsdPer1k * m.value,
      outputUsdPer1k: onDemand.outputUsdPer1k * m.value,
      // A price's source is at most 500 characters (ModelPriceSchema).
      source:
        `Batch: ${m.value} × on-demand (${m.sources.map((s) => s.tag).join(', ')}); ${onDemand.source}`.slice(
          0,
          500,
        ),
    },
  };
}
