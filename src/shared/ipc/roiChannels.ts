import { z } from 'zod';
import { IdSchema, NameSchema } from '../domain/dataset';
import { PriceOverrideSchema } from '../pricing/priceSchemas';
import { RoiEvidenceSchema } from '../roi/evidence';
import { ScenarioSchema } from '../roi/scenario';

const byId = z.strictObject({ id: IdSchema });

/** A price override as stored: its own date and note travel inside `override`. */
export const StoredPriceOverrideSchema = z.object({
  id: IdSchema,
  createdAt: z.string(),
  override: PriceOverrideSchema,
  /** The one scenario it applies to; null: every scenario. */
  scenarioId: IdSchema.nullable(),
});
export type StoredPriceOverride = z.infer<typeof StoredPriceOverrideSchema>;

/** A named, saved set of assumptions; `inputs` is the scenario exactly as computeRoi takes it. */
export const SavedScenarioSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The experiment its tokens and failure shares were prefilled from, if any. */
  experimentId: IdSchema.nullable(),
  inputs: ScenarioSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedScenario = z.infer<typeof SavedScenarioSchema>;

/**
 * The ROI channels: price overrides (the price book is the catalog with these applied), saved
 * scenarios, and the measured evidence of an experiment to prefill a scenario from.
 */
export const roiChannels = {
  listPriceOverrides: { input: z.strictObject({}), output: z.array(StoredPriceOverrideSchema) },
  savePriceOverride: {
    // Without `scenarioId` (or null) the override applies to every scenario.
    input: z.intersection(
      PriceOverrideSchema,
      z.object({ scenarioId: IdSchema.nullable().optional() }),
    ),
    output: StoredPriceOverrideSchema,
  },
  deletePriceOverride: { input: byId, output: z.object({ id: IdSchema }) },
  listScenarios: { input: z.strictObject({}), output: z.array(SavedScenarioSchema) },
  saveScenario: {
    input: z.strictObject({
      /** Absent: a new scenario. */
      id: IdSchema.optional(),
      name: NameSchema,
      experimentId: IdSchema.nullable(),
      inputs: ScenarioSchema,
    }),
    output: SavedScenarioSchema,
  },
  duplicateScenario: {
    input: z.strictObject({ id: IdSchema, name: NameSchema.optional() }),
    output: SavedScenarioSchema,
  },
  deleteScenario: { input: byId, output: z.object({ id: IdSchema }) },
  getRoiEvidence: { input: z.strictObject({ experimentId: IdSchema }), output: RoiEvidenceSchema },
} as const;
