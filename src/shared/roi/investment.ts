/** The one-off investment I (roi-model.md §3). */
import { tokens, usd, type Tokens, type Usd, type UsdPerHour } from '../units';
import type { Distillation, Scenario } from './scenario';

export interface InvestmentBreakdown {
  /** N prompts answered by the teacher at its on-demand rates. */
  syntheticDataUsd: Usd;
  /** N · (in_T + out_T) · ep: the tokens the student trains on. */
  trainingTokens: Tokens;
  trainingUsd: Usd;
  engineeringUsd: Usd;
  totalUsd: Usd;
}

/** E = hours × rate. */
export function engineeringCostUsd(hours: number, usdPerHour: UsdPerHour): Usd {
  return usd(hours * usdPerHour);
}

/**
 * I = N · (in_T · pin_T + out_T · pout_T) / 1000 + N · (in_T + out_T) · ep · ptrain / 1000 + E,
 * and I = E for a base model used as-is.
 */
export function investmentUsd(
  distillation: Distillation,
  teacher: Pick<Scenario['teacher'], 'inputTokensPerRequest' | 'outputTokensPerRequest' | 'price'>,
  engineeringUsd: Usd,
): InvestmentBreakdown {
  if (distillation.kind === 'baseModelAsIs') {
    return {
      syntheticDataUsd: usd(0),
      trainingTokens: tokens(0),
      trainingUsd: usd(0),
      engineeringUsd,
      totalUsd: engineeringUsd,
    };
  }
  const { prompts, epochs, trainingUsdPer1kTokens } = distillation;
  const { inputTokensPerRequest: inT, outputTokensPerRequest: outT, price } = teacher;
  const syntheticDataUsd = usd(
    (prompts * (inT * price.inputUsdPer1k + outT * price.outputUsdPer1k)) / 1000,
  );
  const trainingTokens = tokens(prompts * (inT + outT) * epochs);
  const trainingUsd = usd((trainingTokens * trainingUsdPer1kTokens) / 1000);
  return {
    syntheticDataUsd,
    trainingTokens,
    trainingUsd,
    engineeringUsd,
    totalUsd: usd(syntheticDataUsd + trainingUsd + engineeringUsd),
  };
}
