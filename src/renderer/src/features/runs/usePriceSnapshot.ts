import type { PriceSnapshot } from '../../../../shared/pricing/priceList/priceSnapshot';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/** The region's latest stored Price List snapshot (null before the first refresh). */
export function usePriceSnapshot(region: string, version = 0): PriceSnapshot | null {
  const snapshot = useQuery(() => api.getPriceSnapshot({ region }), [region, version]);
  return snapshot.error ? null : snapshot.data;
}
