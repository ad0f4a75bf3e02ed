/**
 * The built-in, dated price catalog. It is built from the shipped AWS Price List snapshot
 * (shippedSnapshot.json, `npm run prices:build-catalog`) when that has been built; a model the
 * Price List does not price then has no entry and its price is unknown. Until then it is the
 * hand-written table below (docs/bedrock.md §4): on-demand prices read from third-party registries (genai-prices,
 * cline), not from AWS, and shown with that label (priceOrigin.ts). Anything not found
 * (provisioned hourly rates, training and storage prices) is null with the reason, never guessed;
 * users fill those in through overrides.
 */
import { SHIPPED_REGIONS, shippedModelList } from '../models/shippedModelList';
import { usdPer1k, usdPerMonth } from '../units';
import { MODELS } from './models';
import { ShippedSnapshotSchema, shippedCatalog } from './priceList/shippedSnapshot';
import type { KnownOrUnknown, PriceCatalog, PriceEntry } from './priceSchemas';
import shippedSnapshotJson from './shippedSnapshot.json';
import { SOURCES, type SourceRef } from './sources';

/** The day these prices were read from the registries cited in docs/bedrock.md §11. */
export const CATALOG_AS_OF = '2026-11-24';

/** Regions priced here. No regional price difference is known, so both carry the same figures. */
export const CATALOG_REGIONS = ['us-east-1', 'us-west-2'] as const;

/**
 * The prototype's storage figure. Kept so the UI can offer it as a labelled assumption; it is
 * deliberately not in any catalog entry because it is not an AWS price.
 */
export const PROTOTYPE_STORAGE_ASSUMPTION = {
  usdPerMonth: usdPerMonth(1.95),
  basis: 'prior-art prototype assumption',
  source: SOURCES.PRIOR_ART,
  note: "The study's prototype used $1.95 per custom model per month; not an AWS price.",
} as const;

interface OnDemandRow {
  modelId: string;
  input: number;
  output: number;
  sources: SourceRef[];
  note?: string;
}

const { S14, S15, S16, S19 } = SOURCES;

const ON_DEMAND: readonly OnDemandRow[] = [
  {
    modelId: 'meta.llama3-8b-instruct-v1:0',
    input: 0.0003,
    output: 0.0006,
    sources: [S15, S16],
    note: 'The built-in example used $0.0004 input, a figure found only in an early LiteLLM price map; current price registries say $0.0003.',
  },
  {
    modelId: 'meta.llama3-70b-instruct-v1:0',
    input: 0.00265,
    output: 0.0035,
    sources: [S15, S16],
    note: 'The built-in example uses the same prices.',
  },
  { modelId: 'meta.llama3-1-8b-instruct-v1:0', input: 0.00022, output: 0.00022, sources: [S15] },
  {
    modelId: 'meta.llama3-1-70b-instruct-v1:0',
    input: 0.00072,
    output: 0.00072,
    sources: [S15],
    note: 'Older versions of the pricing page show $0.00099 [S18].',
  },
  {
    modelId: 'meta.llama3-1-405b-instruct-v1:0',
    input: 0.0024,
    output: 0.0024,
    sources: [S16],
    note: 'Launch-era versions show $0.00532 / $0.016 [S18].',
  },
  { modelId: 'meta.llama3-2-1b-instruct-v1:0', input: 0.0001, output: 0.0001, sources: [S15] },
  { modelId: 'meta.llama3-2-3b-instruct-v1:0', input: 0.00015, output: 0.00015, sources: [S15] },
  { modelId: 'meta.llama3-2-11b-instruct-v1:0', input: 0.00016, output: 0.00016, sources: [S15] },
  { modelId: 'meta.llama3-2-90b-instruct-v1:0', input: 0.00072, output: 0.00072, sources: [S15] },
  { modelId: 'meta.llama3-3-70b-instruct-v1:0', input: 0.00072, output: 0.00072, sources: [S15] },
  { modelId: 'amazon.nova-micro-v1:0', input: 0.000035, output: 0.00014, sources: [S15] },
  { modelId: 'amazon.nova-lite-v1:0', input: 0.00006, output: 0.00024, sources: [S15] },
  { modelId: 'amazon.nova-pro-v1:0', input: 0.0008, output: 0.0032, sources: [S15] },
  { modelId: 'amazon.nova-premier-v1:0', input: 0.0025, output: 0.0125, sources: [S15] },
  {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    input: 0.00025,
    output: 0.00125,
    sources: [S15],
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    input: 0.003,
    output: 0.015,
    sources: [S15],
    note: 'Prompt cache write $0.00375, cache read $0.0003 per 1K tokens.',
  },
  {
    modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    input: 0.003,
    output: 0.015,
    sources: [S15],
    note: 'Prompt cache write $0.00375, cache read $0.0003 per 1K tokens.',
  },
];

const BATCH_HALF_PRICE: KnownOrUnknown<number> = {
  value: 0.5,
  sources: [S14, S19],
  note: "AWS says batch is 'lower' for select models without a figure; third parties consistently report 50 % off; an older AWS page said batch cost the same as on-demand. Batch support for this particular model is not verified.",
};

const unknown = (unknownReason: string) => ({ value: null, unknownReason }) as const;

const PROVISIONED_RATE_NOT_FOUND =
  'Hourly rate per model unit not found; AWS shows it in the console [S21], [S3].';

function catalogEntry(row: OnDemandRow, region: string): PriceEntry {
  return {
    modelId: row.modelId,
    region,
    onDemand: {
      inputUsdPer1k: usdPer1k(row.input),
      outputUsdPer1k: usdPer1k(row.output),
      sources: row.sources,
      note: row.note,
    },
    batchMultiplier: BATCH_HALF_PRICE,
    provisionedUsdPerHourPerUnit: {
      noCommitment: unknown(
        `${PROVISIONED_RATE_NOT_FOUND} No commitment is offered for custom models only, at most 2 per account with 1 MU each [S21].`,
      ),
      oneMonth: unknown(PROVISIONED_RATE_NOT_FOUND),
      sixMonths: unknown(PROVISIONED_RATE_NOT_FOUND),
    },
    trainingUsdPer1kTokens: unknown(
      'Student training price per 1K tokens not found (docs/bedrock.md §5).',
    ),
    storageUsdPerMonth: unknown(
      'Custom model storage per month not found (docs/bedrock.md §5). The prototype assumed $1.95/month: a prior-art prototype assumption, not an AWS price.',
    ),
    asOf: CATALOG_AS_OF,
    overridden: false,
  };
}

/** The hand-written third-party table: the fallback until the shipped snapshot is built. */
export const THIRD_PARTY_CATALOG: PriceCatalog = {
  asOf: CATALOG_AS_OF,
  entries: ON_DEMAND.flatMap((row) => CATALOG_REGIONS.map((region) => catalogEntry(row, region))),
};

/** Model ids and display names the Price List's rows are matched by (it names models by name). */
export const CATALOG_NAMINGS = [
  ...MODELS.map((m) => ({ modelId: m.id, modelName: m.displayName })),
  ...SHIPPED_REGIONS.flatMap(
    (r) =>
      shippedModelList(r)?.models.map((m) => ({ modelId: m.modelId, modelName: m.modelName })) ??
      [],
  ),
];

/** The shipped AWS Price List snapshot, or null until `npm run prices:build-catalog` has run. */
export const SHIPPED_PRICE_LIST_CATALOG: PriceCatalog | null = shippedCatalog(
  ShippedSnapshotSchema.parse(shippedSnapshotJson),
  CATALOG_NAMINGS,
);

export const PRICE_CATALOG: PriceCatalog = SHIPPED_PRICE_LIST_CATALOG ?? THIRD_PARTY_CATALOG;
