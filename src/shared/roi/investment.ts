/** The one-off investment I (docs/roi-model.md §3). */
import { tokens, usd, type Tokens, type Usd, type UsdPerHour } from '../units';
import { MAX_DISTILLATION_PAIRS, type Distillation, type Scenario } from './scenario';

export interface InvestmentBreakdown {
  /** N_gen teacher responses at the teacher's on-demand rates (0 with reused invocation logs). */
  syntheticDataUsd: Usd;
  /** N_gen: the teacher calls Bedrock makes to build the training data. */
  teacherCalls: number;
  /** N_train = min(N · expansion, 15,000): the pairs the student trains on. */
  trainingPairs: number;
  /** True when N · expansion exceeded the 15,000-pair ceiling and was cut to it. */
  pairsCapped: boolean;
  /** N_train · (in_T + out_T) · ep: the tokens the student trains on. */
  trainingTokens: Tokens;
  trainingUsd: Usd;
  engineeringUsd: Usd;
  /** The distillation's actual cost when known; it stands in for data and training. */
  actualDistillationUsd: Usd | null;
  totalUsd: Usd;
}

/** E = hours × rate. */
export function engineeringCostUsd(hours: number, usdPerHour: UsdPerHour): Usd {
  return usd(hours * usdPerHour);
}

/** N_train = min(N · expansion, 15,000), and whether the ceiling cut it. */
export function trainingPairsOf(prompts: number, expansionFactor: number) {
  const wanted = prompts * expansionFactor;
  return {
    pairs: Math.min(wanted, MAX_DISTILLATION_PAIRS),
    capped: wanted > MAX_DISTILLATION_PAIRS,
  };
}

/** No data or training to estimate: a base model used as-is, or a distillation already paid. */
function nothingToEstimate(engineeringUsd: Usd, actualUsd: Usd | null): InvestmentBreakdown {
  return {
    syntheticDataUsd: usd(0),
    teacherCalls: 0,
    trainingPairs: 0,
    pairsCapped: false,
    trainingTokens: tokens(0),
    trainingUsd: usd(0),
    engineeringUsd,
    actualDistillationUsd: actualUsd,
    totalUsd: usd((actualUsd ?? 0) + engineeringUsd),
  };
}

/**
 * I = N_gen · (in_T · pin_T + out_T · pout_T) / 1000 + N_train · (in_T + out_T) · ep · ptrain / 1000
 * + E, with N_gen = N_train, or 0 when invocation logs supply the responses; I = E for a base
 * model used as-is; I = actual + E once the distillation has run and its cost is known.
 */
export function investmentUsd(
  distillation: Distillation,
  teacher: Pick<Scenario['teacher'], 'inputTokensPerRequest' | 'outputTokensPerRequest' | 'price'>,
  engineeringUsd: Usd,
): InvestmentBreakdown {
  if (distillation.kind === 'baseModelAsIs') return nothingToEstimate(engineeringUsd, null);
  if (distillation.actualCostUsd !== undefined) {
    return nothingToEstimate(engineeringUsd, distillation.actualCostUsd);
  }
  const { prompts, expansionFactor, dataSource, epochs, trainingUsdPer1kTokens } = distillation;
  const { inputTokensPerRequest: inT, outputTokensPerRequest: outT, price } = teacher;
  const { pairs, capped } = trainingPairsOf(prompts, expansionFactor);
  const teacherCalls = dataSource === 'invocationLogs' ? 0 : pairs;
  const syntheticDataUsd = usd(
    (teacherCalls * (inT * price.inputUsdPer1k + outT * price.outputUsdPer1k)) / 1000,
  );
  const trainingTokens = tokens(pairs * (inT + outT) * epochs);
  const trainingUsd = usd((trainingTokens * trainingUsdPer1kTokens) / 1000);
  return {
    syntheticDataUsd,
    teacherCalls,
    trainingPairs: pairs,
    pairsCapped: capped,
    trainingTokens,
    trainingUsd,
    engineeringUsd,
    actualDistillationUsd: null,
    totalUsd: usd(syntheticDataUsd + trainingUsd + engineeringUsd),
  };
}
