import { findPrice } from '../pricing/findPrice';

/**
 * The judge's on-demand price from the catalog, with where it came from, or null when the
 * catalog has none for that model and region (the analyst then types one; the judge's cost is
 * reported either way, apart from the comparison's).
 */
export function judgePriceFor(
  modelId: string,
  region: string,
): { inputUsdPer1k: number; outputUsdPer1k: number; source: string } | null {
  const found = findPrice(modelId, region);
  if (!found.found) return null;
  const { entry } = found;
  const tags = entry.onDemand.sources.map((s) => s.tag).join(', ');
  return {
    inputUsdPer1k: entry.onDemand.inputUsdPer1k,
    outputUsdPer1k: entry.onDemand.outputUsdPer1k,
    source: `Price catalog, ${region}, as of ${entry.asOf} [${tags}]`,
  };
}
