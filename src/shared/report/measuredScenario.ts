import type { ExperimentConfig, ModelPrice } from '../domain/experiment';
import type { ModelRunSummary } from '../metrics';
import { ScenarioSchema, type Scenario, type ScenarioPrice } from '../roi/scenario';
import { usdPer1k } from '../units';
import type { QualityGap } from './qualityGap';

/**
 * The scenario the runs themselves describe, for a report on an experiment with no saved
 * scenario: measured mean tokens per request, the prices the experiment ran under, the measured
 * failure shares, a base model used as-is on demand, no one-off cost, and a stated default
 * volume. The report lists every one of these as an assumption.
 */

export const DEFAULT_REQUESTS_PER_MONTH = 100_000;
export const MEASURED_SCENARIO_NAME = 'Measured in this experiment';

export function scenarioPrice(p: ModelPrice | undefined): ScenarioPrice {
  return {
    inputUsdPer1k: usdPer1k(p?.inputUsdPer1k ?? 0),
    outputUsdPer1k: usdPer1k(p?.outputUsdPer1k ?? 0),
    batchMultiplier: 1,
    asOf: p?.asOf,
    source: p ? (p.overridden ? `${p.source} (overridden)` : p.source) : 'no price',
  };
}

const tokensOf = (s: ModelRunSummary | undefined) => ({
  inputTokensPerRequest: s?.meanInputTokens ?? 0,
  outputTokensPerRequest: s?.meanOutputTokens ?? 0,
});

export function measuredScenario(
  config: ExperimentConfig,
  studentId: string,
  summaries: readonly ModelRunSummary[],
  gap: QualityGap,
  requestsPerMonth = DEFAULT_REQUESTS_PER_MONTH,
): Scenario {
  const summary = (id: string) => summaries.find((s) => s.modelId === id);
  const price = (id: string) => scenarioPrice(config.prices.find((p) => p.modelId === id));
  const measured = gap.kind === 'estimate';
  return ScenarioSchema.parse({
    volume: { requestsPerMonth, monthlyGrowth: 0 },
    teacher: {
      modelId: config.teacherModelId,
      region: config.region,
      ...tokensOf(summary(config.teacherModelId)),
      price: price(config.teacherModelId),
    },
    student: {
      modelId: studentId,
      region: config.region,
      ...tokensOf(summary(studentId)),
      price: price(studentId),
      serving: { kind: 'onDemand' },
    },
    distillation: { kind: 'baseModelAsIs' },
    engineering: { hours: 0, usdPerHour: 0 },
    quality: {
      teacherFailureShare: measured ? gap.teacherShare : 0,
      studentFailureShare: measured ? gap.studentShare : 0,
      usdPerFailure: 0,
      ...(measured ? { studentFailureShareCi: gap.studentCi } : {}),
    },
    finance: { yearlyDiscountRate: 0, horizonMonths: 12 },
  });
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
  summaries: readonly ModelRunSummary[],
  gap: QualityGap,
): Scenario {
  const m = measuredScenario(config, studentId, summaries, gap);
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
    },
  };
}
