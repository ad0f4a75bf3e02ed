import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { RegionSchema } from '../domain/experiment';
import { ProvisionedTermSchema } from '../pricing/priceSchemas';
import {
  CustomModelSchema,
  EvaluateRequestSchema,
  ServeRequestSchema,
  ServingSchema,
} from '../serving/servingDomain';

const ServingOptionSchema = z.object({
  kind: z.enum(['onDemand', 'batch', 'provisioned', 'customModelOnDemand']),
  offered: z.boolean(),
  reason: z.string().nullable(),
  terms: z.array(ProvisionedTermSchema).optional(),
  notes: z.array(z.string()).optional(),
});

const OfferSchema = z.object({
  options: z.array(ServingOptionSchema),
  /** Hourly rate per unit for each term, null where the price book has none. */
  usdPerHourPerUnit: z.record(ProvisionedTermSchema, z.number().nullable()),
  /** Custom-model per-token rates, null where the price book has none. */
  customModel: z.object({ inputUsdPer1k: z.number(), outputUsdPer1k: z.number() }).nullable(),
});
export type ServingOfferView = z.infer<typeof OfferSchema>;

const byId = z.strictObject({ id: IdSchema });

/** Custom models of the account, their servings, and the evaluation of a served model. */
export const servingChannels = {
  listCustomModels: {
    input: z.strictObject({ region: RegionSchema }),
    output: z.array(z.object({ model: CustomModelSchema, offer: OfferSchema })),
  },
  listServings: { input: z.strictObject({}), output: z.array(ServingSchema) },
  /** Buys the serving (after `confirmed`), stores it first with its idempotency token. */
  serveCustomModel: { input: ServeRequestSchema, output: ServingSchema },
  refreshServing: { input: byId, output: ServingSchema },
  deleteServing: { input: byId, output: ServingSchema },
  /** Creates and starts an experiment: the teacher against the serving's ARN. */
  evaluateServing: {
    input: EvaluateRequestSchema,
    output: z.object({ serving: ServingSchema, experimentId: IdSchema }),
  },
  /** Once the evaluation has run: a ROI scenario with the measured student and actual cost. */
  createEvaluationScenario: {
    input: z.strictObject({
      servingId: IdSchema,
      oneOffCostUsd: z.number().finite().nonnegative().max(1e6).optional(),
      capacityTokensPerMinutePerUnit: z.number().finite().min(1).max(1e9).optional(),
    }),
    output: z.object({ serving: ServingSchema, scenarioId: IdSchema }),
  },
} as const;
