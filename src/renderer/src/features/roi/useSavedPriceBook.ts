import { useEffect, useState } from 'react';
import { CATALOG_ONLY, type PriceBook } from '../../../../shared/pricing/priceBook';
import { api } from '../../api/transport';
import { bookOf } from './useRoiStore';

/**
 * The price book with the overrides saved in the store, for screens that price a model outside
 * the ROI screen (the experiment setup, the judge): a saved override for every scenario prices
 * them as it prices the ROI screen. The catalog alone until the overrides have loaded.
 */
export function useSavedPriceBook(): PriceBook {
  const [book, setBook] = useState<PriceBook>(CATALOG_ONLY);
  useEffect(() => {
    let live = true;
    void api.listPriceOverrides({}).then((r) => {
      if (live && r.ok) setBook(bookOf(r.value));
    });
    return () => {
      live = false;
    };
  }, []);
  return book;
}
