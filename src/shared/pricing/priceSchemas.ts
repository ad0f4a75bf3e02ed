/**
 * Schemas (and the types derived from them) for catalog price entries and user overrides, so
 * main can validate prices it stores or imports with the same rules the built-in catalog obeys.
 * A price the sources do not give is an explicit `{ value: null, unknownReason }`: the app must
 * be able to say "not found" instead of silently showing an invented number.
 */
import { z } from 'zod';
import { isoDateField, usdPer1kField, usdPerHourField, usdPerMonthField } from './unitSchemas';
import {
  MAX_MODEL_ID_CHARS,
  MAX_NOTE_CHARS,
  MAX_REGION_CHARS,
  noteSchema,
} from '../domain/textRules';

export const SourceRefSchema = z.object({ tag: z.string().min(1), ref: z.string().min(1) });

const UnknownPriceSchema = z.object({ value: z.null(), unknownReason: z.string().min(1) });

/** A figure with its sources, or null with the reason it is unknown. */
export const knownOrUnknown = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ value, sources: z.array(SourceRefSchema).min(1), note: z.string().optional() }),
    UnknownPriceSchema,
  ]);

/** Commitment terms of Provisioned Throughput [S3], [S21]. */
export const ProvisionedTermSchema = z.enum(['noCommitment', 'oneMonth', 'sixMonths']);
export type ProvisionedTerm = z.infer<typeof ProvisionedTermSchema>;

export const PriceEntrySchema = z.object({
  modelId: z.string().min(1),
  region: z.string().min(1),
  onDemand: z.object({
    inputUsdPer1k: usdPer1kField(),
    outputUsdPer1k: usdPer1kField(),
    sources: z.array(SourceRefSchema).min(1),
    note: z.string().optional(),
  }),
  /** Batch price as a multiple of on-demand; the note carries the caveat. */
  batchMultiplier: knownOrUnknown(z.number().finite().min(0).max(1)),
  provisionedUsdPerHourPerUnit: z.object({
    noCommitment: knownOrUnknown(usdPerHourField()),
    oneMonth: knownOrUnknown(usdPerHourField()),
    sixMonths: knownOrUnknown(usdPerHourField()),
  }),
  trainingUsdPer1kTokens: knownOrUnknown(usdPer1kField()),
  storageUsdPerMonth: knownOrUnknown(usdPerMonthField()),
  asOf: isoDateField(),
  overridden: z.boolean(),
  override: z
    .object({ asOf: isoDateField(), note: z.string().min(1), fields: z.array(z.string()) })
    .optional(),
});
export type PriceEntry = z.output<typeof PriceEntrySchema>;
export type KnownOrUnknown<T> =
  | { value: T; sources: z.infer<typeof SourceRefSchema>[]; note?: string | undefined }
  | { value: null; unknownReason: string };

export const PriceCatalogSchema = z.object({
  asOf: isoDateField(),
  entries: z.array(PriceEntrySchema),
});
export type PriceCatalog = z.output<typeof PriceCatalogSchema>;

/** The scalar fields an override may set; each is optional, but at least one must be present. */
const OVERRIDE_SCALAR_FIELDS = [
  'inputUsdPer1k',
  'outputUsdPer1k',
  'batchMultiplier',
  'trainingUsdPer1kTokens',
  'storageUsdPerMonth',
] as const;

export const PriceOverrideSchema = z
  .object({
    modelId: z
      .string()
      .trim()
      .min(1, 'Choose a model.')
      .max(MAX_MODEL_ID_CHARS, `A model id can have at most ${MAX_MODEL_ID_CHARS} characters.`),
    region: z
      .string()
      .trim()
      .min(1, 'Choose a region.')
      .max(MAX_REGION_CHARS, 'A region looks like us-east-1.'),
    inputUsdPer1k: usdPer1kField().optional(),
    outputUsdPer1k: usdPer1kField().optional(),
    batchMultiplier: z.number().finite().min(0).max(1).optional(),
    provisionedUsdPerHourPerUnit: z
      .object({
        noCommitment: usdPerHourField().optional(),
        oneMonth: usdPerHourField().optional(),
        sixMonths: usdPerHourField().optional(),
      })
      .optional(),
    trainingUsdPer1kTokens: usdPer1kField().optional(),
    storageUsdPerMonth: usdPerMonthField().optional(),
    /** When the user read or agreed this price, not when it was typed in. */
    asOf: isoDateField(),
    note: noteSchema({ max: MAX_NOTE_CHARS, label: 'The note' }).pipe(
      z.string().min(1, 'Say where the price comes from.'),
    ),
  })
  .refine(
    (o) =>
      OVERRIDE_SCALAR_FIELDS.some((field) => o[field] !== undefined) ||
      Object.values(o.provisionedUsdPerHourPerUnit ?? {}).some((v) => v !== undefined),
    'An override must set at least one price.',
  );
export type PriceOverride = z.output<typeof PriceOverrideSchema>;
export type PriceOverrideInput = z.input<typeof PriceOverrideSchema>;
