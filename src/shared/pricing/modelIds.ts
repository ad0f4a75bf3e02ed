/**
 * Bedrock accepts the same model under several spellings: a cross-region inference profile
 * (`us.meta.llama3-2-3b-instruct-v1:0`), an ARN, or a customization id with a context suffix
 * (`meta.llama3-1-8b-instruct-v1:0:128k`). Prices and metadata are keyed by the plain model id,
 * so every lookup goes through here first.
 */

/** Geography prefixes of inference profiles. Only these are stripped: `amazon.` is a provider. */
const PROFILE_PREFIXES = ['us', 'us-gov', 'eu', 'apac', 'ca', 'jp', 'au', 'global'] as const;

export type ModelIdMatch = 'exact' | 'inferenceProfile' | 'customizationBase';

export interface NormalizedModelId {
  modelId: string;
  /** How the given id differs from the catalog's key; most specific difference wins. */
  via: ModelIdMatch;
}

const ARN_RESOURCE =
  /^arn:aws[\w-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile)\/(.+)$/;
/** `…-v1:0:128k`: the base id ends in `:<digits>`, the suffix is `:<digits>k`. */
const CUSTOMIZATION_SUFFIX = /^(.+:\d+):\d+k$/;

export function normalizeModelId(raw: string): NormalizedModelId {
  let id = raw.trim();
  let via: ModelIdMatch = 'exact';

  const arn = ARN_RESOURCE.exec(id);
  if (arn?.[1]) id = arn[1];

  const dot = id.indexOf('.');
  const prefix = dot > 0 ? id.slice(0, dot) : '';
  if ((PROFILE_PREFIXES as readonly string[]).includes(prefix)) {
    id = id.slice(dot + 1);
    via = 'inferenceProfile';
  }

  const custom = CUSTOMIZATION_SUFFIX.exec(id);
  if (custom?.[1]) {
    id = custom[1];
    via = 'customizationBase';
  }
  return { modelId: id, via };
}
