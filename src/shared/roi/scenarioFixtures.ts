/**
 * A worked example scenario whose figures are easy to check by hand (Claude 3.5 Sonnet →
 * Claude 3 Haiku, distilled), used by the tests and handy as a demo. Every price and quantity
 * in it is illustrative; the training price and storage are not AWS figures.
 */
import { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario';

export const WORKED_EXAMPLE: ScenarioInput = {
  volume: { requestsPerMonth: 100_000, monthlyGrowth: 0 },
  teacher: {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    region: 'us-east-1',
    inputTokensPerRequest: 1000,
    outputTokensPerRequest: 200,
    price: { inputUsdPer1k: 0.003, outputUsdPer1k: 0.015, batchMultiplier: 0.5 },
  },
  student: {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    region: 'us-east-1',
    inputTokensPerRequest: 1000,
    outputTokensPerRequest: 250,
    price: { inputUsdPer1k: 0.00025, outputUsdPer1k: 0.00125, batchMultiplier: 0.5 },
    serving: { kind: 'onDemand' },
    storageUsdPerMonth: 2,
  },
  distillation: { kind: 'distill', prompts: 10_000, epochs: 2, trainingUsdPer1kTokens: 0.004 },
  engineering: { hours: 40, usdPerHour: 100 },
  quality: { teacherFailureShare: 0.02, studentFailureShare: 0.05, usdPerFailure: 0.1 },
  finance: { yearlyDiscountRate: 0, horizonMonths: 24 },
};

/** The worked example with whole sections replaced. */
export function makeScenario(patch: Partial<ScenarioInput> = {}): Scenario {
  return ScenarioSchema.parse({ ...WORKED_EXAMPLE, ...patch });
}
