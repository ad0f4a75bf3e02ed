import type { ModelPrice } from '../../../../shared/domain/experiment';
import { findPrice } from '../../../../shared/pricing/findPrice';
import { PRICE_CATALOG } from '../../../../shared/pricing/priceCatalog';
import type { PriceCatalog } from '../../../../shared/pricing/priceSchemas';

const sourceText = (tags: { tag: string; ref: string }[]) =>
  tags.map((s) => `${s.tag}: ${s.ref}`).join('; ');

/**
 * The price each model would run under: the catalog's, unless the analyst typed one for this
 * experiment. A model the catalog does not know has no price until one is typed.
 */
export function pricesForModels(
  modelIds: string[],
  region: string,
  typed: Record<string, { input: number; output: number }>,
  today: string,
  /** The model an id bills against when its text does not say (application profiles). */
  baseOf: (modelId: string) => string = (id) => id,
  /** The catalog to price from (the built-in one, with the latest Price List snapshot laid over it). */
  book: PriceCatalog = PRICE_CATALOG,
): { prices: ModelPrice[]; missing: string[]; notes: Record<string, string> } {
  const prices: ModelPrice[] = [];
  const missing: string[] = [];
  const notes: Record<string, string> = {};
  for (const modelId of modelIds) {
    const own = typed[modelId];
    if (own) {
      prices.push({
        modelId,
        inputUsdPer1k: own.input,
        outputUsdPer1k: own.output,
        source: 'Entered by the analyst for this experiment',
        asOf: today,
        overridden: true,
      });
      continue;
    }
    const found = findPrice(baseOf(modelId), region, book);
    if (!found.found) {
      missing.push(modelId);
      notes[modelId] = found.message;
      continue;
    }
    if (found.note) notes[modelId] = found.note;
    prices.push({
      modelId,
      inputUsdPer1k: found.entry.onDemand.inputUsdPer1k,
      outputUsdPer1k: found.entry.onDemand.outputUsdPer1k,
      source: sourceText(found.entry.onDemand.sources),
      asOf: found.entry.asOf,
      overridden: found.entry.overridden,
    });
  }
  return { prices, missing, notes };
}
