/**
 * What the model picker and `distill-roi models` show for one region's list: text models that
 * stream (the runner uses ConverseStream), the id each one is called by, and lifecycle warnings.
 */
import { invocationFor } from './invocation';
import { lifecycleWarning } from './lifecycle';
import type { ModelList } from './modelList';
import { parseModelRef } from './modelRef';

export interface PickableModel {
  modelId: string;
  name: string;
  provider: string;
  /** The id to send: the model id, or the inference profile the region needs. */
  invokeId: string;
  needsProfile: boolean;
  profileNote: string | null;
  lifecycleStatus: string;
  endOfLife: string | null;
  /** Set for a Legacy or ended model; shown in the picker and before a run or scenario uses it. */
  warning: string | null;
}

const has = (values: string[], wanted: string) => values.some((v) => v.toUpperCase() === wanted);

/** Models of the list an experiment can run: text out, streaming, reachable in the region. */
export function pickableModels(list: ModelList, today: string): PickableModel[] {
  return list.models
    .filter((m) => has(m.outputModalities, 'TEXT') && m.responseStreamingSupported !== false)
    .flatMap((m) => {
      const how = invocationFor(list, m.modelId);
      if (!how.ok) return [];
      return [
        {
          modelId: m.modelId,
          name: m.modelName || m.modelId,
          provider: m.providerName,
          invokeId: how.invokeId,
          needsProfile: how.needsProfile,
          profileNote: how.note,
          lifecycleStatus: m.lifecycle.status,
          endOfLife: m.lifecycle.endOfLifeTime?.slice(0, 10) ?? null,
          warning: lifecycleWarning(m.modelName || m.modelId, m.lifecycle, today),
        },
      ];
    })
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name));
}

export type BaseModel =
  { ok: true; baseModelId: string; via: string } | { ok: false; message: string };

/**
 * The foundation model an id bills against. Text-bearing ids parse directly; an application
 * profile is looked up in the list's profiles; a provisioned model or a deployment cannot be
 * resolved from a list of foundation models, so the user is asked to name the base model.
 */
export function resolveBaseModel(id: string, lists: readonly ModelList[]): BaseModel {
  const parsed = parseModelRef(id);
  if (!parsed.ok) return parsed;
  const { ref } = parsed;
  if (ref.baseModelId) return { ok: true, baseModelId: ref.baseModelId, via: ref.kind };
  if (ref.kind === 'applicationProfile') {
    for (const list of lists) {
      const profile = list.profiles.find((p) => p.arn === ref.invokeId || p.id === ref.resourceId);
      const first = profile?.modelArns[0];
      const base = first ? parseModelRef(first) : undefined;
      if (base?.ok && base.ref.baseModelId) {
        return { ok: true, baseModelId: base.ref.baseModelId, via: 'applicationProfile' };
      }
    }
    return {
      ok: false,
      message: `The application inference profile ${ref.resourceId} is not in the stored profile list: refresh the model list, or name its base model for pricing.`,
    };
  }
  const what = ref.kind === 'provisionedModel' ? 'provisioned model' : 'custom-model deployment';
  return {
    ok: false,
    message: `A ${what} ARN does not say which model it serves: name its base model for pricing.`,
  };
}

/** Lifecycle warnings for chosen ids (matched by the id called or the model id), for a run or a scenario. */
export function lifecycleWarningsFor(
  list: ModelList,
  ids: readonly string[],
  today: string,
): string[] {
  const models = pickableModels(list, today);
  return [
    ...new Set(
      ids.flatMap((id) => {
        const base = parseModelRef(id);
        const m = models.find(
          (x) =>
            x.invokeId === id ||
            x.modelId === id ||
            (base.ok && x.modelId === base.ref.baseModelId),
        );
        return m?.warning ? [m.warning] : [];
      }),
    ),
  ];
}
