import { z } from 'zod';
import { ServiceTierSchema, TierPriceSchema } from './serviceTier';
import { PriceOriginSchema } from '../pricing/priceOrigin';
import { IdSchema, NameSchema } from './dataset';
import { MAX_MODEL_ID_CHARS, MAX_REGION_CHARS } from './textRules';

/** The default prompt: the seed study's task, with the paragraph slotted in. */
export const DEFAULT_PROMPT_TEMPLATE =
  'Summarize the following paragraph in two or three sentences. Keep every number and name that matters.\n\n{{paragraph}}';
export const PARAGRAPH_PLACEHOLDER = '{{paragraph}}';

export const MAX_STUDENTS = 5;

/** A Bedrock model id, inference-profile id or ARN, as typed; Bedrock itself is the final judge. */
export const ModelIdSchema = z
  .string()
  .trim()
  .min(1, 'Choose a model.')
  .max(MAX_MODEL_ID_CHARS, `A model id can have at most ${MAX_MODEL_ID_CHARS} characters.`)
  .regex(/^[A-Za-z0-9.:/_+-]+$/, 'A model id has letters, digits and . : / _ + - only.');

export const RegionSchema = z
  .string()
  .trim()
  .max(MAX_REGION_CHARS, 'A region looks like us-east-1.')
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'A region looks like us-east-1.');

export const InferenceSchema = z.strictObject({
  maxTokens: z.number().int().min(1).max(8192),
  temperature: z.number().min(0).max(1),
  topP: z.number().min(0).max(1),
});
export type Inference = z.infer<typeof InferenceSchema>;

/** The price a model ran under, frozen into the experiment so later catalog changes never rewrite history. */
export const ModelPriceSchema = z.strictObject({
  modelId: ModelIdSchema,
  inputUsdPer1k: z.number().finite().nonnegative(),
  outputUsdPer1k: z.number().finite().nonnegative(),
  source: z.string().min(1).max(500),
  asOf: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/),
  overridden: z.boolean(),
  /** Where the price came from, as data; absent on experiments saved before the price book. */
  origin: PriceOriginSchema.optional(),
  /**
   * The service tier the model is called at (absent: Standard); the prices above are that
   * tier's. `tierPrices` holds other tiers' prices, so a call served at another tier than the
   * one asked for is priced at the tier it was served at.
   */
  serviceTier: ServiceTierSchema.optional(),
  tierPrices: z.array(TierPriceSchema).max(4).optional(),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

export const ExperimentConfigSchema = z
  .strictObject({
    name: NameSchema,
    datasetId: IdSchema,
    teacherModelId: ModelIdSchema,
    studentModelIds: z
      .array(ModelIdSchema)
      .min(1, 'Choose at least one student.')
      .max(MAX_STUDENTS, `At most ${MAX_STUDENTS} students.`),
    region: RegionSchema,
    promptTemplate: z
      .string()
      .max(20_000)
      .refine(
        (t) => t.includes(PARAGRAPH_PLACEHOLDER),
        `The prompt must contain ${PARAGRAPH_PLACEHOLDER}.`,
      ),
    systemPrompt: z.string().max(20_000).nullable(),
    inference: InferenceSchema,
    repeats: z.number().int().min(1).max(20),
    concurrency: z.number().int().min(1).max(32),
    budgetUsd: z.number().finite().positive().nullable(),
    prices: z.array(ModelPriceSchema).min(2),
  })
  .refine((c) => !c.studentModelIds.includes(c.teacherModelId), {
    message: 'The teacher cannot also be a student.',
    path: ['studentModelIds'],
  })
  .refine((c) => new Set(c.studentModelIds).size === c.studentModelIds.length, {
    message: 'Each student once.',
    path: ['studentModelIds'],
  })
  .refine(
    (c) =>
      [c.teacherModelId, ...c.studentModelIds].every((m) => c.prices.some((p) => p.modelId === m)),
    {
      message: 'Every model needs a price (enter one where the catalog has none).',
      path: ['prices'],
    },
  );
export type ExperimentConfig = z.infer<typeof ExperimentConfigSchema>;

export const ExperimentStatusSchema = z.enum([
  'draft',
  'running',
  'paused',
  'completed',
  'cancelled',
  'interrupted',
]);
export type ExperimentStatus = z.infer<typeof ExperimentStatusSchema>;

export const ExperimentSchema = z.object({
  id: IdSchema,
  config: ExperimentConfigSchema,
  status: ExperimentStatusSchema,
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Experiment = z.infer<typeof ExperimentSchema>;

export const renderPrompt = (template: string, paragraph: string): string =>
  template.split(PARAGRAPH_PLACEHOLDER).join(paragraph);
