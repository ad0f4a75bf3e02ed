/** Per-request costs (docs/roi-model.md §2). */
import { usd, type Fraction, type Tokens, type Usd, type UsdPer1kTokens } from '../units';

/** c = (in · pin + out · pout) / 1000 for one request at on-demand prices. */
export function costPerRequestUsd(
  inputTokens: Tokens,
  outputTokens: Tokens,
  inputUsdPer1k: UsdPer1kTokens,
  outputUsdPer1k: UsdPer1kTokens,
): Usd {
  return usd((inputTokens * inputUsdPer1k + outputTokens * outputUsdPer1k) / 1000);
}

/** c · (1 − β + β · b): the share β goes as batch at b times the on-demand price. */
export function withBatchShareUsd(cost: Usd, batchShare: Fraction, batchMultiplier: number): Usd {
  return usd(cost * (1 - batchShare + batchShare * batchMultiplier));
}
