/**
 * The dated model list shipped with the app, used on a fresh data folder with no network or no
 * credentials (the picker says so). Built from AWS-published facts checked on SHIPPED_AS_OF
 * (docs/bedrock.md §3 and §7: AWS model cards, the model-lifecycle and service-tiers pages, and the
 * ListFoundationModels / ListInferenceProfiles shapes), never from third-party tables. It has
 * the shape of a control-plane answer so one code path reads it; a fetch from the user's account
 * replaces it as soon as one succeeds. Mistral Large 3 and Ministral 3 are on Bedrock but their
 * model ids were not in the checked facts, so they appear only once the account list is read.
 */
import type { FoundationModelEntry, InferenceProfileEntry, ModelList } from './modelList';

export const SHIPPED_AS_OF = '2026-12-07';
export const SHIPPED_SOURCE =
  'Shipped list, checked 2026-12-07 against AWS model cards (docs.aws.amazon.com/bedrock/latest/userguide/model-cards-*.html), model-lifecycle.html and service-tiers-inference.html';

export const SHIPPED_REGIONS = ['us-east-1', 'us-west-2'] as const;
type ShippedRegion = (typeof SHIPPED_REGIONS)[number];

/** How a region serves the model: 'onDemand' (bare id), 'profile' (system profile), or absent. */
type Access = 'onDemand' | 'profile';

interface Row {
  id: string;
  name: string;
  provider: string;
  access: Partial<Record<ShippedRegion, Access>>;
  /** Geographies of the system profiles that route to it. */
  geos?: readonly ('us' | 'global')[];
  legacy?: { endOfLife: string };
  image?: boolean;
}

const both = (a: Access) => ({ 'us-east-1': a, 'us-west-2': a });

const ROWS: readonly Row[] = [
  {
    id: 'meta.llama3-8b-instruct-v1:0',
    name: 'Llama 3 8B Instruct',
    provider: 'Meta',
    access: both('onDemand'),
  },
  {
    id: 'meta.llama3-70b-instruct-v1:0',
    name: 'Llama 3 70B Instruct',
    provider: 'Meta',
    access: both('onDemand'),
  },
  // Llama 3.1 8B and 70B need `us.` in us-east-1 but are served on demand in us-west-2.
  {
    id: 'meta.llama3-1-8b-instruct-v1:0',
    name: 'Llama 3.1 8B Instruct',
    provider: 'Meta',
    access: { 'us-east-1': 'profile', 'us-west-2': 'onDemand' },
  },
  {
    id: 'meta.llama3-1-70b-instruct-v1:0',
    name: 'Llama 3.1 70B Instruct',
    provider: 'Meta',
    access: { 'us-east-1': 'profile', 'us-west-2': 'onDemand' },
  },
  {
    id: 'meta.llama3-1-405b-instruct-v1:0',
    name: 'Llama 3.1 405B Instruct',
    provider: 'Meta',
    access: { 'us-west-2': 'onDemand' },
  },
  {
    id: 'meta.llama3-2-1b-instruct-v1:0',
    name: 'Llama 3.2 1B Instruct',
    provider: 'Meta',
    access: both('profile'),
  },
  {
    id: 'meta.llama3-2-3b-instruct-v1:0',
    name: 'Llama 3.2 3B Instruct',
    provider: 'Meta',
    access: both('profile'),
  },
  {
    id: 'meta.llama3-2-11b-instruct-v1:0',
    name: 'Llama 3.2 11B Instruct',
    provider: 'Meta',
    access: both('profile'),
    image: true,
  },
  {
    id: 'meta.llama3-2-90b-instruct-v1:0',
    name: 'Llama 3.2 90B Instruct',
    provider: 'Meta',
    access: both('profile'),
    image: true,
  },
  {
    id: 'meta.llama3-3-70b-instruct-v1:0',
    name: 'Llama 3.3 70B Instruct',
    provider: 'Meta',
    access: both('profile'),
  },
  {
    id: 'meta.llama4-scout-17b-instruct-v1:0',
    name: 'Llama 4 Scout 17B Instruct',
    provider: 'Meta',
    access: both('profile'),
    image: true,
  },
  {
    id: 'meta.llama4-maverick-17b-instruct-v1:0',
    name: 'Llama 4 Maverick 17B Instruct',
    provider: 'Meta',
    access: both('profile'),
    image: true,
  },
  {
    id: 'amazon.nova-micro-v1:0',
    name: 'Nova Micro',
    provider: 'Amazon',
    access: { 'us-east-1': 'onDemand', 'us-west-2': 'profile' },
  },
  {
    id: 'amazon.nova-lite-v1:0',
    name: 'Nova Lite',
    provider: 'Amazon',
    access: { 'us-east-1': 'onDemand', 'us-west-2': 'profile' },
    image: true,
  },
  {
    id: 'amazon.nova-pro-v1:0',
    name: 'Nova Pro',
    provider: 'Amazon',
    access: { 'us-east-1': 'onDemand', 'us-west-2': 'profile' },
    image: true,
  },
  {
    id: 'amazon.nova-premier-v1:0',
    name: 'Nova Premier',
    provider: 'Amazon',
    access: both('profile'),
    image: true,
  },
  {
    id: 'amazon.nova-2-lite-v1:0',
    name: 'Nova 2 Lite',
    provider: 'Amazon',
    access: both('profile'),
    geos: ['us', 'global'],
    image: true,
  },
  {
    id: 'anthropic.claude-3-haiku-20240307-v1:0',
    name: 'Claude 3 Haiku',
    provider: 'Anthropic',
    access: both('onDemand'),
    image: true,
  },
  // model-lifecycle.html: Claude 3.5 Haiku, end of life 2026-06-19.
  {
    id: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    name: 'Claude 3.5 Haiku',
    provider: 'Anthropic',
    access: both('profile'),
    legacy: { endOfLife: '2026-06-19' },
  },
  {
    id: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    name: 'Claude Haiku 4.5',
    provider: 'Anthropic',
    access: both('profile'),
    geos: ['us', 'global'],
    image: true,
  },
  {
    id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Claude Sonnet 4.5',
    provider: 'Anthropic',
    access: both('profile'),
    geos: ['us', 'global'],
    image: true,
  },
  {
    id: 'openai.gpt-oss-20b-1:0',
    name: 'gpt-oss-20b',
    provider: 'OpenAI',
    access: both('onDemand'),
  },
  {
    id: 'openai.gpt-oss-120b-1:0',
    name: 'gpt-oss-120b',
    provider: 'OpenAI',
    access: both('onDemand'),
  },
  { id: 'qwen.qwen3-32b-v1:0', name: 'Qwen3 32B', provider: 'Qwen', access: both('onDemand') },
  {
    id: 'qwen.qwen3-235b-a22b-2507-v1:0',
    name: 'Qwen3 235B A22B 2507',
    provider: 'Qwen',
    access: both('onDemand'),
  },
  { id: 'deepseek.r1-v1:0', name: 'DeepSeek-R1', provider: 'DeepSeek', access: both('profile') },
  { id: 'deepseek.v3-v1:0', name: 'DeepSeek-V3.1', provider: 'DeepSeek', access: both('onDemand') },
];

/** The regions a `us.` system profile routes to (docs/bedrock.md §3). */
const US_PROFILE_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2'];

function modelEntry(row: Row, access: Access): FoundationModelEntry {
  return {
    modelId: row.id,
    modelName: row.name,
    providerName: row.provider,
    inputModalities: row.image ? ['TEXT', 'IMAGE'] : ['TEXT'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    inferenceTypesSupported: [access === 'onDemand' ? 'ON_DEMAND' : 'INFERENCE_PROFILE'],
    lifecycle: {
      status: row.legacy ? 'LEGACY' : 'ACTIVE',
      legacyTime: null,
      endOfLifeTime: row.legacy ? `${row.legacy.endOfLife}T00:00:00Z` : null,
      publicExtendedAccessTime: null,
    },
  };
}

function profileEntries(row: Row, region: string): InferenceProfileEntry[] {
  return (row.geos ?? ['us']).map((geo) => {
    const id = `${geo}.${row.id}`;
    const regions = geo === 'global' ? [region] : US_PROFILE_REGIONS;
    return {
      id,
      // The account part of a system profile ARN is the caller's; the shipped list has none.
      arn: `arn:aws:bedrock:${region}::inference-profile/${id}`,
      name: `${geo.toUpperCase()} ${row.name}`,
      type: 'SYSTEM_DEFINED',
      status: 'ACTIVE',
      modelArns: regions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${row.id}`),
    };
  });
}

/** The shipped list for a region, or null when the app ships none for it. */
export function shippedModelList(region: string): ModelList | null {
  if (!(SHIPPED_REGIONS as readonly string[]).includes(region)) return null;
  const r = region as ShippedRegion;
  const rows = ROWS.filter((row) => row.access[r] !== undefined);
  return {
    region,
    fetchedAt: SHIPPED_AS_OF,
    source: SHIPPED_SOURCE,
    models: rows.map((row) => modelEntry(row, row.access[r] as Access)),
    profiles: rows
      .filter((row) => row.access[r] === 'profile' || row.geos)
      .flatMap((row) => profileEntries(row, region)),
  };
}
