/**
 * The models the calculator knows: Bedrock id, display name, family, provider and context window.
 * A context window not stated in docs/bedrock.md carries the vendor's published figure and says
 * so in `contextWindowSource`, so nobody mistakes it for a checked Bedrock fact.
 */
import { tokens, type Tokens } from '../units';
import { normalizeModelId } from './modelIds';

/** The catalog's own models' providers; the account's list (shared/models) names any provider. */
export type ModelProvider = 'meta' | 'amazon' | 'anthropic';

export interface ModelInfo {
  id: string;
  displayName: string;
  family: string;
  provider: ModelProvider;
  contextWindowTokens: Tokens;
  contextWindowSource: string;
  // Whether a model needs an inference profile depends on the region: read it from the
  // region's model list (shared/models/invocation.ts), never from a flag here.
}

const VENDOR_SPEC = 'vendor-published spec; not verified in docs/bedrock.md';

const model = (
  id: string,
  displayName: string,
  family: string,
  provider: ModelProvider,
  contextWindow: number,
  contextWindowSource: string,
): ModelInfo => ({
  id,
  displayName,
  family,
  provider,
  contextWindowTokens: tokens(contextWindow),
  contextWindowSource,
});

export const MODELS: readonly ModelInfo[] = [
  model('meta.llama3-8b-instruct-v1:0', 'Llama 3 8B Instruct', 'Llama 3', 'meta', 8_192, 'S28'),
  model('meta.llama3-70b-instruct-v1:0', 'Llama 3 70B Instruct', 'Llama 3', 'meta', 8_192, 'S28'),
  model(
    'meta.llama3-1-8b-instruct-v1:0',
    'Llama 3.1 8B Instruct',
    'Llama 3.1',
    'meta',
    128_000,
    'S30 (fine-tuning id suffix :128k)',
  ),
  model(
    'meta.llama3-1-70b-instruct-v1:0',
    'Llama 3.1 70B Instruct',
    'Llama 3.1',
    'meta',
    128_000,
    VENDOR_SPEC,
  ),
  model(
    'meta.llama3-1-405b-instruct-v1:0',
    'Llama 3.1 405B Instruct',
    'Llama 3.1',
    'meta',
    128_000,
    'S29',
  ),
  model(
    'meta.llama3-2-1b-instruct-v1:0',
    'Llama 3.2 1B Instruct',
    'Llama 3.2',
    'meta',
    128_000,
    'S30 (fine-tuning id suffix :128k)',
  ),
  model(
    'meta.llama3-2-3b-instruct-v1:0',
    'Llama 3.2 3B Instruct',
    'Llama 3.2',
    'meta',
    128_000,
    VENDOR_SPEC,
  ),
  model(
    'meta.llama3-2-11b-instruct-v1:0',
    'Llama 3.2 11B Instruct',
    'Llama 3.2',
    'meta',
    128_000,
    VENDOR_SPEC,
  ),
  model(
    'meta.llama3-2-90b-instruct-v1:0',
    'Llama 3.2 90B Instruct',
    'Llama 3.2',
    'meta',
    128_000,
    VENDOR_SPEC,
  ),
  model(
    'meta.llama3-3-70b-instruct-v1:0',
    'Llama 3.3 70B Instruct',
    'Llama 3.3',
    'meta',
    128_000,
    VENDOR_SPEC,
  ),
  model('amazon.nova-micro-v1:0', 'Amazon Nova Micro', 'Nova', 'amazon', 128_000, 'S31'),
  model('amazon.nova-lite-v1:0', 'Amazon Nova Lite', 'Nova', 'amazon', 300_000, 'S31'),
  model('amazon.nova-pro-v1:0', 'Amazon Nova Pro', 'Nova', 'amazon', 300_000, 'S31'),
  model('amazon.nova-premier-v1:0', 'Amazon Nova Premier', 'Nova', 'amazon', 1_000_000, 'S31'),
  model(
    'anthropic.claude-3-haiku-20240307-v1:0',
    'Claude 3 Haiku',
    'Claude 3',
    'anthropic',
    200_000,
    'S30 (fine-tuning id suffix :200k)',
  ),
  model(
    'anthropic.claude-3-5-sonnet-20240620-v1:0',
    'Claude 3.5 Sonnet (v1)',
    'Claude 3.5',
    'anthropic',
    200_000,
    VENDOR_SPEC,
  ),
  model(
    'anthropic.claude-3-5-sonnet-20241022-v2:0',
    'Claude 3.5 Sonnet (v2)',
    'Claude 3.5',
    'anthropic',
    200_000,
    VENDOR_SPEC,
  ),
];

/** Accepts inference-profile, ARN and customization spellings of an id. */
export function findModel(id: string): ModelInfo | undefined {
  const { modelId } = normalizeModelId(id);
  return MODELS.find((m) => m.id === modelId);
}
