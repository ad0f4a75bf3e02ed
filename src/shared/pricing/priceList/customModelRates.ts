/**
 * The per-token rates of an on-demand custom-model deployment of a base model, from a Price List
 * snapshot's `*-custom-model` rows (standard tier, the region's own rate). Null when the snapshot
 * has no such pair: the analyst types them, nothing is inferred from the base model's price.
 */
import type { ModelNaming } from './snapshotPrices';
import { rowsForModel } from './snapshotPrices';
import type { PriceSnapshot } from './priceSnapshot';

export function customModelRates(
  snapshot: PriceSnapshot,
  baseModelId: string,
  names: readonly ModelNaming[],
): { inputUsdPer1k: number; outputUsdPer1k: number } | null {
  const rows = rowsForModel(snapshot, baseModelId, names).filter(
    (r) => r.kind === 'customModelTokens' && r.tier === 'standard' && r.scope === 'regional',
  );
  const input = rows.find((r) => r.direction === 'input');
  const output = rows.find((r) => r.direction === 'output');
  return input && output ? { inputUsdPer1k: input.usd, outputUsdPer1k: output.usd } : null;
}
