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

/**
 * The judge's price per 1K tokens as its settings hold it, or null when there is none: a judge
 * the catalog does not price starts at 0 and 0 until the analyst enters a price, and no Bedrock
 * model is free, so 0 and 0 means "no price", never "$0".
 */
export function knownJudgePrice(judge: {
  inputUsdPer1k: number;
  outputUsdPer1k: number;
}): { inputUsdPer1k: number; outputUsdPer1k: number } | null {
  const { inputUsdPer1k, outputUsdPer1k } = judge;
  return inputUsdPer1k > 0 || outputUsdPer1k > 0 ? { inputUsdPer1k, outputUsdPer1k } : null;
}
