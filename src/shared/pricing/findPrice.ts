/**
 * Price lookup by model id and region. Ids are normalized first (inference profile, ARN,
 * customization suffix) and the answer says how the id was matched, because a customization id
 * resolves to its base model's on-demand price, which a distilled model may not be billed at.
 */
import { normalizeModelId, type ModelIdMatch } from './modelIds';
import { PRICE_CATALOG } from './priceCatalog';
import type { PriceCatalog, PriceEntry } from './priceSchemas';

export type PriceLookup =
  | { found: true; entry: PriceEntry; via: ModelIdMatch; note?: string }
  | { found: false; reason: 'unknownModel' | 'unknownRegion'; message: string };

const NOTES: Record<ModelIdMatch, string | undefined> = {
  exact: undefined,
  inferenceProfile:
    'Cross-region inference profiles cost the source region price, with no extra charge [S14].',
  customizationBase:
    "Base model's on-demand price: a customized model is served by Provisioned Throughput or custom model deployment, which may be billed differently [S40], [S41].",
};

export function findPrice(
  modelId: string,
  region: string,
  catalog: PriceCatalog = PRICE_CATALOG,
): PriceLookup {
  const normalized = normalizeModelId(modelId);
  const forModel = catalog.entries.filter((e) => e.modelId === normalized.modelId);
  if (forModel.length === 0) {
    return {
      found: false,
      reason: 'unknownModel',
      message: `No price for ${modelId} in the catalog; add one as an override.`,
    };
  }
  const entry = forModel.find((e) => e.region === region);
  if (!entry) {
    const regions = forModel.map((e) => e.region).join(', ');
    return {
      found: false,
      reason: 'unknownRegion',
      message: `No price for ${normalized.modelId} in ${region}; the catalog has ${regions}.`,
    };
  }
  const note = NOTES[normalized.via];
  return note === undefined
    ? { found: true, entry, via: normalized.via }
    : { found: true, entry, via: normalized.via, note };
}
