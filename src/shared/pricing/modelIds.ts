/**
 * Bedrock accepts the same model under several spellings: a cross-region inference profile
 * (`us.meta.llama3-2-3b-instruct-v1:0`), an ARN, or a customization id with a context suffix
 * (`meta.llama3-1-8b-instruct-v1:0:128k`). Prices and metadata are keyed by the plain model id,
 * so every lookup goes through here first. The parsing itself lives in shared/models/modelRef.ts.
 */
import { parseModelRef, stripContextSuffix } from '../models/modelRef';

export type ModelIdMatch = 'exact' | 'inferenceProfile' | 'customizationBase';

export interface NormalizedModelId {
  modelId: string;
  /** How the given id differs from the catalog's key; most specific difference wins. */
  via: ModelIdMatch;
}

export function normalizeModelId(raw: string): NormalizedModelId {
  const parsed = parseModelRef(raw);
  // Opaque ARNs (application profiles, provisioned models, deployments) and unparsable text
  // keep their spelling: no catalog entry has it, so the lookup says the price is unknown.
  const base = parsed.ok ? parsed.ref.baseModelId : null;
  if (!parsed.ok || base === null) return { modelId: raw.trim(), via: 'exact' };
  const { ref } = parsed;
  const unsuffixed =
    ref.kind === 'systemProfile'
      ? ref.resourceId.slice((ref.geo ?? '').length + 1)
      : ref.resourceId;
  if (ref.kind === 'customModel' || stripContextSuffix(unsuffixed) !== unsuffixed) {
    return { modelId: base, via: 'customizationBase' };
  }
  return {
    modelId: base,
    via: ref.kind === 'systemProfile' ? 'inferenceProfile' : 'exact',
  };
}
