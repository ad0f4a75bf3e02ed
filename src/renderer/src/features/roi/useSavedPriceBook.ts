import { useMemo } from 'react';
import { CATALOG_ONLY, type PriceBook } from '../../../../shared/pricing/priceBook';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { bookOf } from './useRoiStore';

/**
 * The price book with the overrides saved in the store, for screens that price a model outside
 * the ROI screen (the experiment setup, the judge): a saved override for every scenario prices
 * them as it prices the ROI screen. The catalog alone until the overrides have loaded.
 */
export function useSavedPriceBook(): PriceBook {
  const overrides = useQuery(() => api.listPriceOverrides({}), []).data;
  return useMemo(() => (overrides ? bookOf(overrides) : CATALOG_ONLY), [overrides]);
}
