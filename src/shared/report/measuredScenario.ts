import type { ExperimentConfig } from '../domain/experiment';
import { tokenSamplesByModel, type RunTokens } from '../roi/evidence';
import { measuredShares, withMeasurements } from '../roi/measurements';
import {
  ScenarioSchema,
  type Scenario,
  type ScenarioInput,
  type ScenarioPrice,
} from '../roi/scenario';
import { scenarioPriceFromExperiment } from '../roi/scenarioBuilders';
import { requests, tokens, usdPer1k, type Requests } from '../units';
import type { QualityGap } from './qualityGap';

/**
 * The scenario the runs themselves describe, for a report on an experiment with no saved
 * scenario: measured mean tokens per request, the prices the experiment ran under, the measured
 * failure shares, a base model used as-is on demand, no one-off cost, and a stated default
 * volume. The report lists every one of these as an assumption.
 */

export const DEFAULT_REQUESTS_PER_MONTH: Requests = requests(100_000);
export const MEASURED_SCENARIO_NAME = 'Measured in this experiment';

// The experiment schema requires a price for every model; this only keeps a bad config readable.
const NO_PRICE: ScenarioPrice = {
  inputUsdPer1k: usdPer1k(0),
  outputUsdPer1k: usdPer1k(0),
  batchMultiplier: 1,
  asOf: undefined,
  source: 'no price',
};

function experimentPriceOf(config: ExperimentConfig, modelId: string): ScenarioPrice {
  const price = config.prices.find((p) => p.modelId === modelId);
  return price ? scenarioPriceFromExperiment(price) : NO_PRICE;
}

/** Everything but the measurements: what the report states as its own assumptions. */
function assumedScenario(
  config: ExperimentConfig,
  studentId: string,
  requestsPerMonth: Requests,
): ScenarioInput {
  const side = (modelId: string) => ({
    modelId,
    region: config.region,
    inputTokensPerRequest: tokens(0),
    outputTokensPerRequest: tokens(0),
    price: experimentPriceOf(config, modelId),
  });
  return {
    volume: { requestsPerMonth, monthlyGrowth: 0 },
    teacher: side(config.teacherModelId),
    student: { ...side(studentId), serving: { kind: 'onDemand' } },
    distillation: { kind: 'baseModelAsIs' },
    engineering: { hours: 0, usdPerHour: 0 },
    quality: { teacherFailureShare: 0, studentFailureShare: 0, usdPerFailure: 0 },
    finance: { yearlyDiscountRate: 0, horizonMonths: 12 },
  };
}

export function measuredScenario(
  config: ExperimentConfig,
  studentId: string,
  runs: readonly RunTokens[],
  gap: QualityGap,
  requestsPerMonth = DEFAULT_REQUESTS_PER_MONTH,
): Scenario {
  const measured = {
    region: config.region,
    teacherModelId: config.teacherModelId,
    models: tokenSamplesByModel({ config }, runs),
  };
  const shares =
    gap.kind === 'estimate'
      ? measuredShares(
          gap.teacherShare,
          gap.studentShare,
          gap.studentCi,
          gap.difference?.ci ?? null,
        )
      : null;
  const assumed = assumedScenario(config, studentId, requestsPerMonth);
  return ScenarioSchema.parse(withMeasurements(assumed, measured, studentId, shares));
}

/**
 * Another student in the same setting (volume, investment, finance): its measured tokens, price
 * and failure shares. Provisioned capacity is priced per model, so a provisioned setting is
 * compared on demand instead of borrowing another model's hourly rate.
 */
export function withStudent(
  base: Scenario,
  config: ExperimentConfig,
  studentId: string,
  runs: readonly RunTokens[],
  gap: QualityGap,
): Scenario {
  const m = measuredScenario(config, studentId, runs, gap);
  const serving =
    base.student.serving.kind === 'provisioned' ? m.student.serving : base.student.serving;
  return {
    ...base,
    student: {
      ...base.student,
      ...m.student,
      serving,
      storageUsdPerMonth: base.student.storageUsdPerMonth,
    },
    quality: {
      ...base.quality,
      teacherFailureShare: m.quality.teacherFailureShare,
      studentFailureShare: m.quality.studentFailureShare,
      studentFailureShareCi: m.quality.studentFailureShareCi,
      failureShareDifferenceCi: m.quality.failureShareDifferenceCi,
    },
  };
}
