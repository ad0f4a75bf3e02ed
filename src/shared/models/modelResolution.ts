/**
 * What a typed model id, inference profile or ARN is: its kind, the region and account an ARN
 * names, and the base model it is priced as, with where that answer came from (the text itself,
 * the stored profile list, or a lookup in the account). The CLI's `models --resolve` and the
 * experiment form show the same sentence, from `describeModelResolution`.
 */
import { z } from 'zod';
import { modelName } from '../report/names';
import type { BaseModel } from './modelListView';
import { parseModelRef, type ModelRefKind } from './modelRef';

export const MODEL_REF_KINDS = [
  'foundationModel',
  'systemProfile',
  'applicationProfile',
  'provisionedModel',
  'customModel',
  'customModelDeployment',
] as const satisfies readonly ModelRefKind[];

const Common = {
  id: z.string(),
  kind: z.enum(MODEL_REF_KINDS).nullable(),
  /** The region an ARN names; null for a bare id (the experiment's region applies). */
  region: z.string().nullable(),
  accountId: z.string().nullable(),
};

export const ModelResolutionSchema = z.discriminatedUnion('ok', [
  z.object({
    ...Common,
    ok: z.literal(true),
    baseModelId: z.string(),
    /** `id`: the text names it; `storedList`: the stored profile list; `account`: a lookup. */
    source: z.enum(['id', 'storedList', 'account']),
  }),
  z.object({ ...Common, ok: z.literal(false), message: z.string() }),
]);
export type ModelResolution = z.infer<typeof ModelResolutionSchema>;

const KIND_NAMES: Record<ModelRefKind, string> = {
  foundationModel: 'Foundation model',
  systemProfile: 'System inference profile',
  applicationProfile: 'Application inference profile',
  provisionedModel: 'Provisioned throughput',
  customModel: 'Custom model',
  customModelDeployment: 'Custom-model deployment',
};

/** A resolver's answer (`BaseModel`) with what the text itself says about the id. */
export function toModelResolution(
  id: string,
  answer: BaseModel,
  source: 'id' | 'storedList' | 'account',
): ModelResolution {
  const parsed = parseModelRef(id);
  const ref = parsed.ok ? parsed.ref : null;
  const common = {
    id: id.trim(),
    kind: ref?.kind ?? null,
    region: ref?.region ?? null,
    accountId: ref?.accountId ?? null,
  };
  return answer.ok
    ? { ...common, ok: true, baseModelId: answer.baseModelId, source }
    : { ...common, ok: false, message: answer.message };
}

const SOURCE_NOTES = {
  id: '',
  storedList: ', from the stored profile list',
  account: ', looked up in your account',
} as const;

/**
 * "Provisioned throughput in us-east-1 (account 111122223333): priced as Llama 3.1 8B
 * Instruct (meta.llama3-1-8b-instruct-v1:0), looked up in your account."
 */
export function describeModelResolution(r: ModelResolution): string {
  const where = [
    r.region ? ` in ${r.region}` : '',
    r.accountId ? ` (account ${r.accountId})` : '',
  ].join('');
  const what = r.kind ? `${KIND_NAMES[r.kind]}${where}` : r.id;
  if (!r.ok) return r.kind ? `${what}: ${r.message}` : r.message;
  const name = modelName(r.baseModelId);
  const base = name === r.baseModelId ? name : `${name} (${r.baseModelId})`;
  return `${what}: priced as ${base}${SOURCE_NOTES[r.source]}.`;
}
