import { useEffect, useState } from 'react';
import type { PriceSnapshot } from '../../../../shared/pricing/priceList/priceSnapshot';
import { api } from '../../api/transport';

/** The region's latest stored Price List snapshot (null before the first refresh). */
export function usePriceSnapshot(region: string, version = 0) {
  const [snapshot, setSnapshot] = useState<PriceSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    void api.getPriceSnapshot({ region }).then((r) => {
      if (live) setSnapshot(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [region, version]);
  return snapshot;
}
