import { z } from 'zod';
import { RegionSchema } from '../domain/experiment';
import { ModelListAnswerSchema } from '../models/modelList';
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
