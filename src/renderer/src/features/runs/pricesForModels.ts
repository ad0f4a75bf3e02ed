import type { ModelPrice } from '../../../../shared/domain/experiment';
import {
  modelPriceOf,
  resolvePrice,
  typedModelPrice,
  type PriceBook,
} from '../../../../shared/pricing/priceBook';

/**
 * The price each model would run under, from the price book (the catalog with the overrides
 * saved for every scenario), unless the analyst typed one for this experiment. A model the book
 * does not know has no price until one is typed.
 */
export function pricesForModels(
  modelIds: string[],
  region: string,
  typed: Record<string, { input: number; output: number }>,
  today: string,
  book: PriceBook,
  /** The model an id bills against when its text does not say (application profiles). */
  baseOf: (modelId: string) => string = (id) => id,
): { prices: ModelPrice[]; missing: string[]; notes: Record<string, string> } {
  const prices: ModelPrice[] = [];
  const missing: string[] = [];
  const notes: Record<string, string> = {};
  for (const modelId of modelIds) {
    const own = typed[modelId];
    if (own) {
      prices.push(
        typedModelPrice(modelId, { inputUsdPer1k: own.input, outputUsdPer1k: own.output }, today),
      );
      continue;
    }
    const found = resolvePrice(book, baseOf(modelId), region);
    if (!found.found) {
      missing.push(modelId);
      notes[modelId] = found.message;
      continue;
    }
    if (found.note) notes[modelId] = found.note;
    // Priced as its base model, called as typed.
    prices.push({ ...modelPriceOf(found), modelId });
  }
  return { prices, missing, notes };
}
