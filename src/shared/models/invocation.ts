/**
 * Which id to send for a model in a region. Whether a model needs an inference profile depends
 * on the region (Llama 3.1 8B can need `us.` in us-east-1 while another region serves it on
 * demand), so the answer is read from that region's list, never from a flag on the model:
 * ON_DEMAND in `inferenceTypesSupported` means the bare id works; otherwise a system profile that
 * routes to the model is picked, the region's own geography first, then `global`.
 */
import type { FoundationModelEntry, InferenceProfileEntry, ModelList } from './modelList';
import { parseModelRef, profileGeosForRegion, type ProfileGeo } from './modelRef';

export type Invocation =
  | {
      ok: true;
      invokeId: string;
      needsProfile: boolean;
      /** Says why this id, for the picker and the CLI; null when the bare id is used. */
      note: string | null;
    }
  | { ok: false; message: string };

const modelIdOfArn = (arn: string): string | null => {
  const parsed = parseModelRef(arn);
  return parsed.ok && parsed.ref.kind === 'foundationModel' ? parsed.ref.resourceId : null;
};

/** System profiles of this list that route to the model. */
export function profilesFor(list: ModelList, modelId: string): InferenceProfileEntry[] {
  return list.profiles.filter(
    (p) =>
      p.type.toUpperCase() === 'SYSTEM_DEFINED' &&
      p.modelArns.some((arn) => modelIdOfArn(arn) === modelId),
  );
}

const geoOf = (p: InferenceProfileEntry): ProfileGeo | null => {
  const parsed = parseModelRef(p.id);
  return parsed.ok ? parsed.ref.geo : null;
};

function bestProfile(list: ModelList, modelId: string): InferenceProfileEntry | undefined {
  const candidates = profilesFor(list, modelId);
  for (const geo of profileGeosForRegion(list.region)) {
    const match = candidates.find((p) => geoOf(p) === geo);
    if (match) return match;
  }
  return candidates[0];
}

const onDemand = (m: FoundationModelEntry) =>
  m.inferenceTypesSupported.some((t) => t.toUpperCase() === 'ON_DEMAND');

export function invocationFor(list: ModelList, modelId: string): Invocation {
  const model = list.models.find((m) => m.modelId === modelId);
  if (model && onDemand(model)) {
    return { ok: true, invokeId: modelId, needsProfile: false, note: null };
  }
  const profile = bestProfile(list, modelId);
  if (profile) {
    return {
      ok: true,
      invokeId: profile.id,
      needsProfile: true,
      note: `${list.region} serves ${modelId} only through an inference profile: ${profile.id} is used.`,
    };
  }
  if (!model) {
    return { ok: false, message: `${modelId} is not offered in ${list.region}.` };
  }
  return {
    ok: false,
    message: `${modelId} needs an inference profile in ${list.region}, and none is listed there: create one, or pick another region.`,
  };
}
