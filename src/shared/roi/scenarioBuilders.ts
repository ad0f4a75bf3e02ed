/**
 * Building scenarios: a price from the price book, or a price an experiment ran under, as the price a
 * scenario stores (with its date and source, so a saved analysis still shows what it was
 * computed with after the catalog changes), and the seed study as a ready-made scenario.
 */
import type { ModelPrice } from '../domain/experiment';
import { originOfModelPrice, type ResolvedPrice } from '../pricing/priceBook';
import { describeOrigin } from '../pricing/priceOrigin';
import { SEED_STUDY_PRICES } from '../pricing/seedStudyPrices';
import { fraction, tokens, usdPer1k, type Requests } from '../units';
import { ScenarioSchema, type ScenarioPrice, type Scenario } from './scenario';

/** A price from the price book, as a scenario stores it (with its origin). */
export function scenarioPriceOf(r: Extract<ResolvedPrice, { found: true }>): ScenarioPrice {
  return {
    inputUsdPer1k: r.inputUsdPer1k,
    outputUsdPer1k: r.outputUsdPer1k,
    // No known batch price means no discount is assumed.
    batchMultiplier: r.entry?.batchMultiplier.value ?? 1,
    asOf: r.origin.asOf,
    source: describeOrigin(r.origin),
    origin: r.origin,
  };
}

export function scenarioPriceFromExperiment(price: ModelPrice): ScenarioPrice {
  const origin = originOfModelPrice(price);
  return {
    inputUsdPer1k: usdPer1k(price.inputUsdPer1k),
    outputUsdPer1k: usdPer1k(price.outputUsdPer1k),
    // The experiment stores no batch price: assume none rather than invent a discount.
    batchMultiplier: 1,
    asOf: price.asOf,
    source: describeOrigin(origin),
    origin,
  };
}

/**
 * The seed study as a scenario: Llama 3 70B → Llama 3 8B used as-is, one paragraph's measured
 * tokens (69 in; 82 vs 73 out) at the seed's prices, no failures measured (the study judged
 * accuracy by eye). The study states no volume, so the caller supplies one.
 */
export function seedStudyScenario(requestsPerMonth: Requests): Scenario {
  const { teacher, student } = SEED_STUDY_PRICES;
  const source = 'AWS Bedrock pricing as quoted by the built-in example (undated)';
  return ScenarioSchema.parse({
    volume: { requestsPerMonth, monthlyGrowth: 0 },
    teacher: {
      modelId: teacher.modelId,
      region: 'us-east-1',
      inputTokensPerRequest: tokens(69),
      outputTokensPerRequest: tokens(82),
      price: {
        inputUsdPer1k: teacher.inputUsdPer1k,
        outputUsdPer1k: teacher.outputUsdPer1k,
        source,
      },
    },
    student: {
      modelId: student.modelId,
      region: 'us-east-1',
      inputTokensPerRequest: tokens(69),
      outputTokensPerRequest: tokens(73),
      price: {
        inputUsdPer1k: student.inputUsdPer1k,
        outputUsdPer1k: student.outputUsdPer1k,
        source,
      },
      serving: { kind: 'onDemand' },
    },
    distillation: { kind: 'baseModelAsIs' },
    engineering: { hours: 0, usdPerHour: 0 },
    quality: { teacherFailureShare: fraction(0), studentFailureShare: fraction(0) },
    finance: { yearlyDiscountRate: 0, horizonMonths: 12 },
  });
}
