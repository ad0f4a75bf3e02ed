/**
 * What the bill reconciliation exchanges: the lines Cost Explorer billed (as fetched and cached),
 * the app's own computed spend per call, and the reconciliation shown on screen and by the CLI.
 * Dates are UTC days (`YYYY-MM-DD`), as Cost Explorer's DAILY periods are.
 */
import { z } from 'zod';
import { PriceDirectionSchema, type PriceTier } from '../pricing/priceList/priceRow';

/** The cost allocation tag key every experiment profile carries (value: the experiment id). */
export const EXPERIMENT_TAG_KEY = 'distill-roi-experiment';

export const DaySchema = z
  .string()
  .max(10, 'A date looks like 2026-12-07.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date looks like 2026-12-07.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a calendar date.');

/** One group of one day of GetCostAndUsage: a service's usage type (and tag value, if grouped). */
export const BilledLineSchema = z.object({
  day: DaySchema,
  service: z.string(),
  usageType: z.string(),
  /** The tag's value when grouped by a cost allocation tag ('' for untagged spend). */
  tagValue: z.string().nullable(),
  costUsd: z.number().finite(),
  quantity: z.number().finite(),
  /** Cost Explorer's `Estimated`: the day's figures are not final yet. */
  estimated: z.boolean(),
});
export type BilledLine = z.infer<typeof BilledLineSchema>;

/** One day Cost Explorer answered for, whether or not it had Bedrock lines. */
export const BilledDaySchema = z.object({ day: DaySchema, estimated: z.boolean() });
export type BilledDay = z.infer<typeof BilledDaySchema>;

/** What one fetch brought back (and the store caches). */
export const BillFetchSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  tagKey: z.string().nullable(),
  services: z.array(z.string()),
  days: z.array(BilledDaySchema),
  lines: z.array(BilledLineSchema),
  requests: z.number().int().nonnegative(),
  fetchedAt: z.string(),
});
export type BillFetch = z.infer<typeof BillFetchSchema>;

/** One successful call as the store holds it, with what pricing it needs. */
export interface SpendCall {
  day: string;
  region: string;
  experimentId: string;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  /** The app's computed cost of the call (runner/callRecord.ts, batch/collectOutput.ts). */
  costUsd: number;
  /** The experiment's price for the model, in USD per 1K tokens (on-demand, tier asked for). */
  inputUsdPer1k: number;
  outputUsdPer1k: number;
  tier: PriceTier;
  /**
   * Sent through the experiment's tagged application inference profile: only such calls carry
   * the experiment's cost allocation tag onto the bill.
   */
  viaProfile: boolean;
}

export const DirectionFigureSchema = z.object({
  direction: PriceDirectionSchema,
  billedUsd: z.number(),
  computedUsd: z.number(),
});

export const ModelReconciliationSchema = z.object({
  /** Normalised model name: the key billed and computed lines are matched on. */
  key: z.string(),
  name: z.string(),
  region: z.string(),
  billedUsd: z.number(),
  computedUsd: z.number(),
  differenceUsd: z.number(),
  directions: z.array(DirectionFigureSchema),
  explanations: z.array(z.string()),
});
export type ModelReconciliation = z.infer<typeof ModelReconciliationSchema>;

export const ReconciliationSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  /** The models the app called, billed against computed over the days Cost Explorer has. */
  models: z.array(ModelReconciliationSchema),
  /** Bedrock spend the app did not make: models it never called on those days. */
  otherUsage: z.array(z.object({ name: z.string(), region: z.string(), billedUsd: z.number() })),
  /**
   * Per cost-allocation tag value (an experiment), when grouped by tag; computedUsd sums only the
   * experiment's calls sent through its tagged profiles, the only ones the bill can tag.
   */
  tagged: z.array(
    z.object({ tagValue: z.string(), billedUsd: z.number(), computedUsd: z.number().nullable() }),
  ),
  /** Over the models the app called; other usage is summed apart. */
  totals: z.object({
    billedUsd: z.number(),
    computedUsd: z.number(),
    differenceUsd: z.number(),
    otherUsageUsd: z.number(),
  }),
  /** Range-wide notes: days not final, days not billed yet, the latest billed day. */
  notes: z.array(z.string()),
  latestBilledDay: DaySchema.nullable(),
  fetchedAt: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
