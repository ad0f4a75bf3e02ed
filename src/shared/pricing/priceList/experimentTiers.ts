/**
 * Service tiers in an experiment's prices: the tier each model is called at, that tier's price
 * from the latest Price List snapshot, and the other tiers' prices (so a call served at another
 * tier is priced at it). A tier the Price List does not price for the model is not invented:
 * the model's price is then missing until the analyst types one.
 */
import type { ModelPrice } from '../../domain/experiment';
import {
  requestTier,
  TIER_LABELS,
  type ServiceTier,
  type TierPrice,
} from '../../domain/serviceTier';
import { normalizeModelId } from '../modelIds';
import { priceListSource, tierPrices, type ModelNaming } from './snapshotPrices';
import type { PriceSnapshot } from './priceSnapshot';

/** The request tiers the snapshot prices for a model (Standard always offered). */
export function tiersOffered(
  snapshot: PriceSnapshot | null,
  modelId: string,
  names: readonly ModelNaming[],
): ServiceTier[] {
  const scope =
    normalizeModelId(modelId).via === 'inferenceProfile' && modelId.startsWith('global.')
      ? 'global'
      : 'regional';
  const priced = snapshot ? tierPrices(snapshot, modelId, names, scope) : [];
  const tiers = new Set<ServiceTier>(['default']);
  for (const t of priced) {
    const r = requestTier(t.tier);
    if (r) tiers.add(r);
  }
  return (['default', 'priority', 'flex', 'reserved'] as const).filter((t) => tiers.has(t));
}

export interface TieredPrices {
  prices: ModelPrice[];
  /** Models whose chosen tier has no price: they need a typed one. */
  missing: string[];
  notes: Record<string, string>;
}

export function applyServiceTiers(
  prices: readonly ModelPrice[],
  tiers: Readonly<Record<string, ServiceTier>>,
  snapshot: PriceSnapshot | null,
  names: readonly ModelNaming[],
  typed: ReadonlySet<string> = new Set(),
): TieredPrices {
  const out: ModelPrice[] = [];
  const missing: string[] = [];
  const notes: Record<string, string> = {};
  for (const p of prices) {
    const tier = tiers[p.modelId] ?? 'default';
    const scope = p.modelId.startsWith('global.') ? 'global' : 'regional';
    const known = snapshot ? tierPrices(snapshot, p.modelId, names, scope) : [];
    const asTier: TierPrice[] = known.flatMap((k) => {
      const r = requestTier(k.tier);
      return r
        ? [{ tier: r, inputUsdPer1k: k.inputUsdPer1k, outputUsdPer1k: k.outputUsdPer1k }]
        : [];
    });
    const chosen = asTier.find((t) => t.tier === tier);
    const others = asTier.filter((t) => t.tier !== tier);
    const extra = {
      ...(tier !== 'default' ? { serviceTier: tier } : {}),
      ...(others.length > 0 ? { tierPrices: others } : {}),
    };
    if (tier === 'default' || typed.has(p.modelId)) {
      out.push({ ...p, ...extra });
      continue;
    }
    if (chosen && snapshot) {
      const source = priceListSource(snapshot);
      out.push({
        ...p,
        inputUsdPer1k: chosen.inputUsdPer1k,
        outputUsdPer1k: chosen.outputUsdPer1k,
        source: `${source.ref} (${TIER_LABELS[tier]})`,
        asOf: snapshot.publicationDate.slice(0, 10),
        overridden: false,
        origin: {
          kind: 'catalog',
          publisher: `AWS Price List, ${TIER_LABELS[tier]} tier`,
          asOf: snapshot.publicationDate.slice(0, 10),
        },
        ...extra,
      });
      continue;
    }
    missing.push(p.modelId);
    notes[p.modelId] =
      `No ${tier} price for ${p.modelId} in the Price List snapshot: type the ${tier} prices.`;
  }
  return { prices: out, missing, notes };
}
