/**
 * The Scenario: every input of docs/roi-model.md §1 in one serializable object, with the zod schema
 * main uses to validate what it stores or imports. Parsing brands each number with its unit, so
 * `Scenario` (the schema's output) is what the ROI functions take. Prices sit in the scenario
 * itself, with their date and source, because an analysis must keep the prices it was run under.
 */
import { z } from 'zod';
import { PriceOriginSchema } from '../pricing/priceOrigin';
import { ProvisionedTermSchema } from '../pricing/priceSchemas';
import {
  boundedNumber,
  fractionField,
  isoDateField,
  requestsField,
  tokensField,
  tokensPerMinuteField,
  usdField,
  usdPer1kField,
  usdPerHourField,
  usdPerMonthField,
} from '../pricing/unitSchemas';
import { usd, usdPerMonth } from '../units';
import {
  MAX_MODEL_ID_CHARS,
  MAX_REGION_CHARS,
  MAX_SOURCE_CHARS,
  noteSchema,
} from '../domain/textRules';

/**
 * Bedrock trains on at most 15,000 prompt-response pairs per distillation job, counted after it
 * augments the data (docs/roi-model.md §3): a ceiling on pairs, not on the prompts the analyst has.
 */
export const MAX_DISTILLATION_PAIRS = 15_000;
/** Bounds of §8 that are not a unit's own (unitSchemas holds those). */
export const SCENARIO_BOUNDS = {
  prompts: 1e7,
  expansionFactor: 1_000,
  epochs: 100,
  modelUnits: 10_000,
  peakFactor: 100,
  engineeringHours: 1e6,
  /** 1,000 % a year. */
  yearlyDiscountRate: 10,
} as const;
export const HORIZON_MONTHS = [12, 24, 36] as const;
export type HorizonMonths = (typeof HORIZON_MONTHS)[number];

const sourceText = noteSchema({ max: MAX_SOURCE_CHARS, label: 'A source' });

export const ScenarioPriceSchema = z.object({
  inputUsdPer1k: usdPer1kField(),
  outputUsdPer1k: usdPer1kField(),
  /** Batch price as a multiple of on-demand. 1 (no discount) unless the catalog says otherwise. */
  batchMultiplier: boundedNumber({ min: 0, max: 1, unit: 'times the on-demand price' }).default(1),
  asOf: isoDateField().optional(),
  source: sourceText.optional(),
  /** Where the price came from, as data; absent on scenarios saved before the price book. */
  origin: PriceOriginSchema.optional(),
});

export type ScenarioPrice = z.output<typeof ScenarioPriceSchema>;

const ModelSideSchema = z.object({
  modelId: z.string().min(1).max(MAX_MODEL_ID_CHARS),
  region: z.string().min(1).max(MAX_REGION_CHARS),
  /** Means per request, from measured runs (Bedrock-reported usage) or typed in. */
  inputTokensPerRequest: tokensField(),
  outputTokensPerRequest: tokensField(),
  price: ScenarioPriceSchema,
});

export const ServingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('onDemand') }),
  /** Per-token serving with the share β of traffic sent as batch. */
  z.object({ kind: z.literal('batch'), batchShare: fractionField() }),
  z.object({
    kind: z.literal('provisioned'),
    /** The units bought when fixed; the least bought (u_min) when they follow the volume. */
    modelUnits: boundedNumber({
      min: 1,
      max: SCENARIO_BOUNDS.modelUnits,
      unit: 'model units',
      integer: true,
    }),
    /**
     * u(t) = max(u_min, ⌈need(t) / cap⌉) (docs/roi-model.md §2) unless false (units fixed). Stored
     * scenarios from before this field load with their unit count as the minimum: fixed units
     * that could not carry the volume were never a real saving.
     */
    unitsFollowVolume: z.boolean().default(true),
    /** k_peak ≥ 1: the busiest minute over the average one. */
    peakFactor: boundedNumber({
      min: 1,
      max: SCENARIO_BOUNDS.peakFactor,
      unit: 'times the average minute',
    }).default(1),
    usdPerHourPerUnit: usdPerHourField(),
    term: ProvisionedTermSchema,
    hourlyRateSource: sourceText.optional(),
    /** AWS publishes no per-unit throughput, so this is usually the analyst's assumption. */
    capacityTokensPerMinutePerUnit: tokensPerMinuteField(),
    capacityBasis: z.enum(['assumption', 'measured']).default('assumption'),
  }),
  /**
   * An on-demand custom-model deployment: per token at the custom-model rates (the price list's
   * `*-custom-model` usage types), not at the base model's price.
   */
  z.object({
    kind: z.literal('customModelOnDemand'),
    inputUsdPer1k: usdPer1kField(),
    outputUsdPer1k: usdPer1kField(),
    priceSource: sourceText.optional(),
  }),
]);
export type Serving = z.output<typeof ServingSchema>;

export const DistillationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('distill'),
    /** N: the analyst's prompts; the 15,000 ceiling applies to pairs after expansion. */
    prompts: boundedNumber({
      min: 1,
      max: SCENARIO_BOUNDS.prompts,
      unit: 'prompts',
      integer: true,
    }),
    /** Pairs per prompt after Bedrock's augmentation (default 1: none). */
    expansionFactor: boundedNumber({
      min: 1,
      max: SCENARIO_BOUNDS.expansionFactor,
      unit: 'pairs per prompt',
    }).default(1),
    /**
     * `teacherGenerates`: Bedrock calls the teacher for each pair. `invocationLogs`: responses
     * already logged in production are reused (`usePromptResponse`), so no teacher calls.
     */
    dataSource: z.enum(['teacherGenerates', 'invocationLogs']).default('teacherGenerates'),
    epochs: boundedNumber({
      min: 1,
      max: SCENARIO_BOUNDS.epochs,
      unit: 'epochs',
      integer: true,
    }),
    trainingUsdPer1kTokens: usdPer1kField(),
    trainingPriceSource: sourceText.optional(),
    /**
     * What the distillation actually cost (teacher generation, training), once it has run: it
     * replaces the estimate from prompts, epochs and the training price. Engineering adds to it.
     */
    actualCostUsd: usdField().optional(),
    actualCostSource: sourceText.optional(),
  }),
  /** The seed's case: a base model used as the student, so I = E and s = 0. */
  z.object({ kind: z.literal('baseModelAsIs') }),
]);
export type Distillation = z.output<typeof DistillationSchema>;

const FailureShareCiSchema = z
  .object({ low: fractionField(), high: fractionField() })
  .refine((ci) => ci.low <= ci.high, 'The interval needs low ≤ high.');

export const ScenarioSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  volume: z.object({
    requestsPerMonth: requestsField(),
    /** Month-on-month growth g; −50 % to +100 % covers any plausible plan. */
    monthlyGrowth: boundedNumber({ min: -0.5, max: 1, unit: 'a monthly rate' }).default(0),
  }),
  teacher: ModelSideSchema.extend({
    /**
     * β_T. Absent means like-for-like: the same share as the student's (docs/roi-model.md §2), so a
     * batch discount is never credited to the model switch. A value set apart is deliberate and
     * the outputs say how much of the saving it makes.
     */
    batchShare: fractionField().optional(),
  }),
  student: ModelSideSchema.extend({
    serving: ServingSchema,
    /** Custom model storage s; ignored (s = 0) for a base model used as-is. */
    storageUsdPerMonth: usdPerMonthField().default(usdPerMonth(0)),
    storageSource: sourceText.optional(),
  }),
  distillation: DistillationSchema,
  /** E = hours × rate. */
  engineering: z.object({
    hours: boundedNumber({ min: 0, max: SCENARIO_BOUNDS.engineeringHours, unit: 'hours' }),
    usdPerHour: usdPerHourField(),
  }),
  quality: z.object({
    teacherFailureShare: fractionField(),
    studentFailureShare: fractionField(),
    /** c_f: what one failed output costs (rework, escalation). */
    usdPerFailure: usdField().default(usd(0)),
    /** CI of the student's failure share; its high end drives the pessimistic case. */
    studentFailureShareCi: FailureShareCiSchema.optional(),
    /**
     * The failure share expected of the distilled student. Absent: the base student's measured
     * share stands in, and the report labels that as an assumption (distillation may help).
     */
    expectedDistilledFailureShare: fractionField().optional(),
    /** Paired interval of f_S − f_T; a quality gain counts only when it excludes zero. */
    failureShareDifferenceCi: z
      .object({
        low: boundedNumber({ min: -1, max: 1, unit: 'a difference of shares' }),
        high: boundedNumber({ min: -1, max: 1, unit: 'a difference of shares' }),
      })
      .refine((ci) => ci.low <= ci.high, 'The interval needs low ≤ high.')
      .optional(),
  }),
  finance: z.object({
    yearlyDiscountRate: boundedNumber({
      min: 0,
      max: SCENARIO_BOUNDS.yearlyDiscountRate,
      unit: 'a yearly rate; 10 is 1,000 %',
    }).default(0),
    horizonMonths: z.union([z.literal(12), z.literal(24), z.literal(36)], {
      error: 'must be 12, 24 or 36 months',
    }),
  }),
});

export type Scenario = z.output<typeof ScenarioSchema>;
/** What a form or an import supplies: plain numbers, defaults optional. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
