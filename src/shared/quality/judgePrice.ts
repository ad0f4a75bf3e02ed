import { CATALOG_ONLY, resolvePrice, type PriceBook } from '../pricing/priceBook';
import { describeOrigin } from '../pricing/priceOrigin';

/**
 * The judge's on-demand price from the price book (the catalog with the overrides saved for
 * every scenario), with where it came from, or null when the book has none for that model and
 * region (the analyst then types one; the judge's cost is reported either way, apart from the
 * comparison's).
 */
export function judgePriceFor(
  modelId: string,
  region: string,
  book: PriceBook = CATALOG_ONLY,
): { inputUsdPer1k: number; outputUsdPer1k: number; source: string } | null {
  const found = resolvePrice(book, modelId, region);
  if (!found.found) return null;
  return {
    inputUsdPer1k: found.inputUsdPer1k,
    outputUsdPer1k: found.outputUsdPer1k,
    source: `${describeOrigin(found.origin)} (${region})`,
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
