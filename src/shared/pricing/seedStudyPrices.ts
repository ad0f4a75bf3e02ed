/**
 * The prices the seed study worked with, as a named override set. The catalog holds today's
 * $0.0003 input price for Llama 3 8B; the seed's $0.0004 is kept here so its figures
 * ($0.0000714 vs $0.00046985 per request) can be reproduced and checked.
 */
import { usdPer1k } from '../units';
import { applyOverrides } from './applyOverrides';
import { CATALOG_AS_OF, CATALOG_REGIONS, PRICE_CATALOG } from './priceCatalog';
import type { PriceCatalog, PriceOverride } from './priceSchemas';

export const SEED_STUDY_PRICES = {
  student: {
    modelId: 'meta.llama3-8b-instruct-v1:0',
    inputUsdPer1k: usdPer1k(0.0004),
    outputUsdPer1k: usdPer1k(0.0006),
  },
  teacher: {
    modelId: 'meta.llama3-70b-instruct-v1:0',
    inputUsdPer1k: usdPer1k(0.00265),
    outputUsdPer1k: usdPer1k(0.0035),
  },
} as const;

// The study does not date its prices; the override carries the catalog's date and says so.
const SEED_NOTE =
  'Prices of the built-in example (Llama 3 70B → 8B), quoted from AWS Bedrock pricing, undated. Its 8B input price of $0.0004 appears only in an early LiteLLM price map.';

export const SEED_STUDY_OVERRIDES: readonly PriceOverride[] = CATALOG_REGIONS.flatMap((region) =>
  [SEED_STUDY_PRICES.student, SEED_STUDY_PRICES.teacher].map((p) => ({
    modelId: p.modelId,
    region,
    inputUsdPer1k: p.inputUsdPer1k,
    outputUsdPer1k: p.outputUsdPer1k,
    asOf: CATALOG_AS_OF,
    note: SEED_NOTE,
  })),
);

/** The catalog with the seed study's Llama 3 prices in place of today's. */
export function seedStudyCatalog(base: PriceCatalog = PRICE_CATALOG): PriceCatalog {
  return applyOverrides(base, SEED_STUDY_OVERRIDES).catalog;
}
