import { z } from 'zod';
import { DaySchema, ReconciliationSchema } from '../billing/billingSchemas';
import { IdSchema } from '../domain/dataset';

/** A cost allocation tag key as AWS allows it (1–128 characters). */
const TagKeySchema = z
  .string()
  .trim()
  .min(1, 'A tag key has at least one character.')
  .max(128, 'A tag key has at most 128 characters.');

const RangeSchema = z.strictObject({
  from: DaySchema,
  to: DaySchema,
  /** Group the bill by this cost allocation tag (once activated in the Billing console). */
  tagKey: TagKeySchema.nullable(),
});

const FetchPlanSchema = z.object({
  requests: z.number().int(),
  costUsd: z.number(),
  text: z.string(),
});

export const ExperimentProfileSchema = z.object({
  experimentId: IdSchema,
  modelId: z.string(),
  region: z.string(),
  tagKey: z.string(),
  tagValue: z.string(),
  clientRequestToken: z.string(),
  profileArn: z.string().nullable(),
  createdAt: z.string(),
  /** The experiment's stored calls sent through this profile (so they carry the tag). */
  callsThrough: z.number().int().nonnegative(),
});

/**
 * Reconciling the app's computed spend with the AWS bill (Cost Explorer), and the application
 * inference profiles that let the bill be grouped per experiment. `planBill` never calls AWS;
 * `reconcileBill` calls Cost Explorer only for mode 'fetch' (nothing cached) or 'refresh'.
 */
export const billingChannels = {
  planBill: {
    input: RangeSchema,
    output: z.object({
      callDays: z.object({ from: DaySchema, to: DaySchema }).nullable(),
      cachedAt: z.string().nullable(),
      plan: FetchPlanSchema,
    }),
  },
  reconcileBill: {
    input: RangeSchema.extend({ mode: z.enum(['cache', 'fetch', 'refresh']) }),
    output: z.object({
      reconciliation: ReconciliationSchema.nullable(),
      requestsMade: z.number().int(),
      plan: FetchPlanSchema,
    }),
  },
  listExperimentProfiles: {
    input: z.strictObject({ experimentId: IdSchema }),
    output: z.array(ExperimentProfileSchema),
  },
  createExperimentProfiles: {
    input: z.strictObject({ experimentId: IdSchema }),
    output: z.array(ExperimentProfileSchema),
  },
} as const;
