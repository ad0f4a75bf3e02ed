/**
 * Bedrock service tiers (docs/bedrock.md §7): `serviceTier: {type}` on Converse/ConverseStream,
 * echoed by the response. `default` is the Standard tier; the Price List calls it `standard`.
 * An experiment picks a tier per model; each call is priced at the tier the response reports,
 * since that is the one AWS bills (and it may differ from the one asked for).
 */
import { z } from 'zod';

export const ServiceTierSchema = z.enum(['default', 'priority', 'flex', 'reserved']);
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

export const TIER_LABELS: Record<ServiceTier, string> = {
  default: 'Standard',
  priority: 'Priority',
  flex: 'Flex',
  reserved: 'Reserved',
};

/** The Price List's name of a tier. */
export const priceListTier = (t: ServiceTier) => (t === 'default' ? 'standard' : t);

/** A Price List tier's name for people: the request tiers' labels, and Batch. */
export function priceTierLabel(t: string): string {
  const r = requestTier(t);
  return r ? TIER_LABELS[r] : t === 'batch' ? 'Batch' : t;
}

/** A Price List tier as a request tier (`batch` is a job mode, not a request tier). */
export function requestTier(t: string): ServiceTier | null {
  if (t === 'standard' || t === 'default') return 'default';
  const parsed = ServiceTierSchema.safeParse(t);
  return parsed.success ? parsed.data : null;
}

export const TierPriceSchema = z.strictObject({
  tier: ServiceTierSchema,
  inputUsdPer1k: z.number().finite().nonnegative(),
  outputUsdPer1k: z.number().finite().nonnegative(),
});
export type TierPrice = z.infer<typeof TierPriceSchema>;

interface PricedModel {
  inputUsdPer1k: number;
  outputUsdPer1k: number;
  serviceTier?: ServiceTier | undefined;
  tierPrices?: TierPrice[] | undefined;
}

/**
 * The price of one call: the reported tier's price when the experiment holds one, else the
 * experiment's own price (that of the tier it asked for). `exact` is false when a reported
 * tier had no price and the asked-for tier's price was used instead.
 */
export function priceAtTier(
  price: PricedModel,
  reported: string | undefined,
): { inputUsdPer1k: number; outputUsdPer1k: number; exact: boolean } {
  const asked = price.serviceTier ?? 'default';
  const served = reported === undefined ? asked : (requestTier(reported) ?? asked);
  if (served === asked) {
    return {
      inputUsdPer1k: price.inputUsdPer1k,
      outputUsdPer1k: price.outputUsdPer1k,
      exact: true,
    };
  }
  const other = price.tierPrices?.find((t) => t.tier === served);
  return other
    ? { inputUsdPer1k: other.inputUsdPer1k, outputUsdPer1k: other.outputUsdPer1k, exact: true }
    : { inputUsdPer1k: price.inputUsdPer1k, outputUsdPer1k: price.outputUsdPer1k, exact: false };
}
