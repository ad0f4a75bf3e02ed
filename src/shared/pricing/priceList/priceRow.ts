/**
 * One price read from the AWS Price List, normalised: which model (as the file names it), the
 * region, the kind of charge, the service tier, whether it is the cross-region global rate, the
 * token direction or the Provisioned Throughput term, and the price in the app's units (USD per
 * 1K tokens, per hour, per month). Every snapshot is a list of these, so a price shown anywhere
 * can say which file, which usage type and which publication date it came from.
 */
import { z } from 'zod';
import { ProvisionedTermSchema } from '../priceSchemas';

export const PRICE_TIERS = ['standard', 'batch', 'flex', 'priority', 'reserved'] as const;
export const PriceTierSchema = z.enum(PRICE_TIERS);
export type PriceTier = z.infer<typeof PriceTierSchema>;

export const PriceKindSchema = z.enum([
  /** Per-token inference on a foundation model. */
  'tokens',
  /** Per-token inference on a customized (e.g. distilled) model's on-demand deployment. */
  'customModelTokens',
  /** Model customization (training), per 1K tokens trained. */
  'training',
  /** Custom model storage, per month. */
  'storage',
  /** Provisioned Throughput, per model unit and hour, by commitment term. */
  'provisioned',
]);
export type PriceKind = z.infer<typeof PriceKindSchema>;

export const PriceDirectionSchema = z.enum(['input', 'output', 'cacheRead', 'cacheWrite']);
export type PriceDirection = z.infer<typeof PriceDirectionSchema>;

/** What a normalised price is per. */
export const PricePerSchema = z.enum(['1K tokens', 'hour', 'month']);
export type PricePer = z.infer<typeof PricePerSchema>;

export const PriceRowSchema = z.object({
  offerCode: z.string().min(1),
  sku: z.string().min(1),
  usagetype: z.string(),
  region: z.string().min(1),
  /** The model as the file names it (`model`, `titanModel`, `servicename` or the mantle id). */
  modelName: z.string().min(1),
  kind: PriceKindSchema,
  tier: PriceTierSchema,
  /** 'global' for the cross-region global rate, else the region's own (or geo profile) rate. */
  scope: z.enum(['regional', 'global']),
  direction: PriceDirectionSchema.nullable(),
  term: ProvisionedTermSchema.nullable(),
  usd: z.number().finite().nonnegative(),
  per: PricePerSchema,
  /** The file's own unit and price string, kept so a conversion can be checked. */
  rawUnit: z.string(),
  rawUsd: z.string(),
});
export type PriceRow = z.infer<typeof PriceRowSchema>;

/** Two rows with the same key price the same thing; a diff compares rows by it. */
export const priceRowKey = (r: PriceRow): string =>
  [r.region, r.modelName, r.kind, r.tier, r.scope, r.direction ?? '-', r.term ?? '-'].join('|');
