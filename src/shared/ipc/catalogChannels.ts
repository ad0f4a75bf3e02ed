import { z } from 'zod';
import { RegionSchema } from '../domain/experiment';
import { MAX_MODEL_ID_CHARS } from '../domain/textRules';
import { ModelListAnswerSchema } from '../models/modelList';
import { ModelResolutionSchema } from '../models/modelResolution';
import {
  PriceSnapshotSchema,
  PriceSnapshotSummarySchema,
  RegionRefreshSchema,
} from '../pricing/priceList/priceSnapshot';

/**
 * Models and prices read from AWS: a region's model list (fresh from the account when `refresh`
 * is set and the control plane answers, else stored, else shipped), Price List refreshes and
 * the stored snapshots they leave.
 */
export const catalogChannels = {
  listModels: {
    input: z.strictObject({ region: RegionSchema, refresh: z.boolean() }),
    output: ModelListAnswerSchema,
  },
  /** What a typed id, profile or ARN is and the base model it is priced as (see resolveModel). */
  resolveModel: {
    input: z.strictObject({
      region: RegionSchema,
      id: z.string().max(MAX_MODEL_ID_CHARS),
      offline: z.boolean(),
    }),
    output: ModelResolutionSchema,
  },
  refreshPrices: {
    input: z.strictObject({ regions: z.array(RegionSchema).min(1).max(12) }),
    output: z.array(RegionRefreshSchema),
  },
  listPriceSnapshots: {
    input: z.strictObject({ region: RegionSchema.nullable() }),
    output: z.array(PriceSnapshotSummarySchema),
  },
  /** The newest snapshot of a region, rows included; null before the first refresh. */
  getPriceSnapshot: {
    input: z.strictObject({ region: RegionSchema }),
    output: PriceSnapshotSchema.nullable(),
  },
} as const;
