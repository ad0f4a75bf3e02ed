/**
 * The Scenario: every input of roi-model.md §1 in one serializable object, with the zod schema
 * main uses to validate what it stores or imports. Parsing brands each number with its unit, so
 * `Scenario` (the schema's output) is what the ROI functions take. Prices sit in the scenario
 * itself, with their date and source, because an analysis must keep the prices it was run under.
 */
import { z } from 'zod';
import { PriceOriginSchema } from '../pricing/priceOrigin';
import { ProvisionedTermSchema } from '../pricing/priceSchemas';
import {
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
import { fraction, usd, usdPerMonth } from '../units';
import {
  MAX_MODEL_ID_CHARS,
  MAX_REGION_CHARS,
  MAX_SOURCE_CHARS,
  noteSchema,
} from '../domain/textRules';

/** Bedrock takes at most 15,000 prompts per distillation job (roi-model.md §1). */
export const MAX_DISTILLATION_PROMPTS = 15_000;
export const HORIZON_MONTHS = [12, 24, 36] as const;
export type HorizonMonths = (typeof HORIZON_MONTHS)[number];

const sourceText = noteSchema({ max: MAX_SOURCE_CHARS, label: 'A source' });

export const ScenarioPriceSchema = z.object({
  inputUsdPer1k: usdPer1kField(),
  outputUsdPer1k: usdPer1kField(),
  /** Batch price as a multiple of on-demand. 1 (no discount) unless the catalog says otherwise. */
  batchMultiplier: z.number().finite().min(0).max(1).default(1),
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
    modelUnits: z.number().int().min(1).max(10_000),
    usdPerHourPerUnit: usdPerHourField(),
    term: ProvisionedTermSchema,
    hourlyRateSource: sourceText.optional(),
    /** AWS publishes no per-unit throughput, so this is usually the analyst's assumption. */
    capacityTokensPerMinutePerUnit: tokensPerMinuteField(),
    capacityBasis: z.enum(['assumption', 'measured']).default('assumption'),
  }),
]);
export type Serving = z.output<typeof ServingSchema>;

export const DistillationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('distill'),
    prompts: z.number().int().min(1).max(MAX_DISTILLATION_PROMPTS),
    epochs: z.number().int().min(1).max(100),
    trainingUsdPer1kTokens: usdPer1kField(),
    trainingPriceSource: sourceText.optional(),
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
    monthlyGrowth: z.number().finite().min(-0.5).max(1).default(0),
  }),
  teacher: ModelSideSchema.extend({
    /** The teacher's own batch share today; keep it equal to the student's for like-for-like. */
    batchShare: fractionField().default(fraction(0)),
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
    hours: z.number().finite().nonnegative(),
    usdPerHour: usdPerHourField(),
  }),
  quality: z.object({
    teacherFailureShare: fractionField(),
    studentFailureShare: fractionField(),
    /** c_f: what one failed output costs (rework, escalation). */
    usdPerFailure: usdField().default(usd(0)),
    /** CI of the student's failure share; its high end drives the pessimistic case. */
    studentFailureShareCi: FailureShareCiSchema.optional(),
    /** Paired interval of f_S − f_T; a quality gain counts only when it excludes zero. */
    failureShareDifferenceCi: z
      .object({ low: z.number().finite().min(-1).max(1), high: z.number().finite().min(-1).max(1) })
      .refine((ci) => ci.low <= ci.high, 'The interval needs low ≤ high.')
      .optional(),
  }),
  finance: z.object({
    yearlyDiscountRate: z.number().finite().min(0).max(1).default(0),
    horizonMonths: z.union([z.literal(12), z.literal(24), z.literal(36)]),
  }),
});

export type Scenario = z.output<typeof ScenarioSchema>;
/** What a form or an import supplies: plain numbers, defaults optional. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
