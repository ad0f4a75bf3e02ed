import { describe, expect, it } from 'vitest';
import { findPrice } from '../pricing/findPrice';
import { PRICE_CATALOG } from '../pricing/priceCatalog';
import { NO_SERVING_PRICES, servingPricesFromEntry } from './servingPrices';

describe('servingPricesFromEntry', () => {
  it('carries the catalog entry’s figures and its unknowns as nulls', () => {
    const found = findPrice('amazon.nova-lite-v1:0', 'us-east-1', PRICE_CATALOG);
    if (!found.found) throw new Error('Nova Lite is in the catalog');
    const p = servingPricesFromEntry(found.entry);
    expect(p.batchMultiplier).toBe(found.entry.batchMultiplier.value);
    expect(p.provisionedUsdPerHourPerUnit.oneMonth).toBe(
      found.entry.provisionedUsdPerHourPerUnit.oneMonth.value,
    );
    expect(p.trainingUsdPer1kTokens).toBe(found.entry.trainingUsdPer1kTokens.value);
    // The current catalog has no custom-model per-token rates: asked for, never assumed.
    expect(p.customModel).toBeNull();
  });

  it('is all unknown without an entry', () => {
    expect(servingPricesFromEntry(null)).toEqual(NO_SERVING_PRICES);
    expect(Object.values(NO_SERVING_PRICES.provisionedUsdPerHourPerUnit)).toEqual([
      null,
      null,
      null,
    ]);
  });
});
