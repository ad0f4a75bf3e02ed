/**
 * The app's own spend as bill lines: each stored call's cost split by token direction. The cost
 * itself is the one the runner stored (costPerRequestUsd at the price of the tier served, or the
 * batch price); the split uses the same function per direction, so input + output is the stored
 * cost and nothing here prices a call a second way.
 */
import type { ModelPrice } from '../domain/experiment';
import { priceAtTier, priceListTier, requestTier } from '../domain/serviceTier';
import type { PriceDirection, PriceTier } from '../pricing/priceList/priceRow';
import { normaliseModelName } from '../pricing/priceList/snapshotPrices';
import { modelName } from '../report/names';
import { costPerRequestUsd } from '../roi/perRequest';
import { tokens, usdPer1k } from '../units';
import type { SpendCall } from './billingSchemas';

export interface ComputedLine {
  day: string;
  region: string;
  experimentId: string;
  key: string;
  name: string;
  direction: PriceDirection;
  tier: PriceTier;
  costUsd: number;
  /** Sent through the experiment's tagged profile (see SpendCall). */
  viaProfile: boolean;
}

/** The match key of a model id: its display name, normalised as the bill's names are. */
export const modelKeyOf = (modelId: string): string => normaliseModelName(modelName(modelId));

export function computedLines(calls: readonly SpendCall[]): ComputedLine[] {
  return calls.flatMap((c) => {
    const pin = usdPer1k(c.inputUsdPer1k);
    const pout = usdPer1k(c.outputUsdPer1k);
    const inUsd = costPerRequestUsd(tokens(c.inputTokens), tokens(0), pin, pout);
    const outUsd = costPerRequestUsd(tokens(0), tokens(c.outputTokens), pin, pout);
    const priced = inUsd + outUsd;
    const inputShare = priced > 0 ? inUsd / priced : 0;
    const base = {
      day: c.day,
      region: c.region,
      experimentId: c.experimentId,
      key: modelKeyOf(c.modelId),
      name: modelName(c.modelId),
      tier: c.tier,
      viaProfile: c.viaProfile,
    };
    return [
      { ...base, direction: 'input' as const, costUsd: c.costUsd * inputShare },
      { ...base, direction: 'output' as const, costUsd: c.costUsd * (1 - inputShare) },
    ];
  });
}

/** A stored call as the bill sees it: priced at the tier it was served at, batch as batch. */
export function spendCallOf(
  c: Omit<SpendCall, 'inputUsdPer1k' | 'outputUsdPer1k' | 'tier'> & {
    serviceTier: string | null;
    via: 'on-demand' | 'batch';
    price: ModelPrice | undefined;
  },
): SpendCall {
  const { serviceTier, via, price, ...call } = c;
  const asked = price?.serviceTier ?? 'default';
  const at = price ? priceAtTier(price, serviceTier ?? undefined) : null;
  return {
    ...call,
    // Without a price the split falls back to the token counts (both at the same rate).
    inputUsdPer1k: at?.inputUsdPer1k ?? 1,
    outputUsdPer1k: at?.outputUsdPer1k ?? 1,
    tier: via === 'batch' ? 'batch' : priceListTier(requestTier(serviceTier ?? asked) ?? asked),
  };
}
