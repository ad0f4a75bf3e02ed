/**
 * Serving a custom (distilled) model: the account's custom models as the control plane lists
 * them, and the servings the app bought for them (a Provisioned Throughput or an on-demand
 * custom-model deployment), as the store tracks them from the moment a create is decided until
 * the resource is deleted. Shared by the handlers, the renderer and the CLI.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { ModelIdSchema, RegionSchema } from '../domain/experiment';
import { ProvisionedTermSchema } from '../pricing/priceSchemas';

/** A custom model to serve and evaluate, whichever way it was found (control plane, a job). */
export const CustomModelSchema = z.object({
  modelArn: z.string(),
  modelName: z.string(),
  region: z.string(),
  /** The student it was trained from, e.g. amazon.nova-micro-v1:0; null when AWS does not say. */
  baseModelId: z.string().nullable(),
  /** The teacher of a distillation, when the control plane names it. */
  teacherModelId: z.string().nullable(),
  status: z.string().nullable(),
  customizationType: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** What the distillation cost once, when known (a tracked job); else the analyst types it. */
  oneOffCostUsd: z.number().nonnegative().nullable(),
  /** The paragraphs it was distilled on, when the app launched the job. */
  datasetId: z.string().nullable(),
});
export type CustomModel = z.infer<typeof CustomModelSchema>;

export const ServingKindSchema = z.enum(['provisioned', 'customModelOnDemand']);
export type ServingKind = z.infer<typeof ServingKindSchema>;

/**
 * requested: stored with its idempotency token, the create not yet answered.
 * creating: AWS gave the ARN; waiting for InService / Active.
 * inService: callable. failed: AWS says Failed (it may still exist and bill until deleted).
 * stuck: not ready within the wait; it still exists. refused: AWS refused the create (nothing made).
 * deleted: deleted from the app (or found gone).
 */
export const ServingPhaseSchema = z.enum([
  'requested',
  'creating',
  'inService',
  'failed',
  'stuck',
  'refused',
  'deleted',
]);
export type ServingPhase = z.infer<typeof ServingPhaseSchema>;

export const ServingSchema = z.object({
  id: IdSchema,
  kind: ServingKindSchema,
  region: z.string(),
  customModelArn: z.string(),
  customModelName: z.string(),
  baseModelId: z.string().nullable(),
  teacherModelId: z.string().nullable(),
  name: z.string(),
  clientToken: z.string(),
  /** The provisioned-model or custom-model-deployment ARN: the runtime's modelId. */
  arn: z.string().nullable(),
  phase: ServingPhaseSchema,
  awsStatus: z.string().nullable(),
  message: z.string().nullable(),
  modelUnits: z.number().int().nullable(),
  term: ProvisionedTermSchema.nullable(),
  usdPerHourPerUnit: z.number().nullable(),
  inputUsdPer1k: z.number().nullable(),
  outputUsdPer1k: z.number().nullable(),
  oneOffCostUsd: z.number().nullable(),
  datasetId: z.string().nullable(),
  experimentId: z.string().nullable(),
  scenarioId: z.string().nullable(),
  createdAt: z.string(),
  /** When AWS accepted the create: hourly billing is counted from here. */
  acceptedAt: z.string().nullable(),
  inServiceAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type Serving = z.infer<typeof ServingSchema>;

const usdField = z.number().finite().nonnegative().max(1e6);

export const ServeRequestSchema = z
  .strictObject({
    customModelArn: z.string().trim().min(1).max(2048),
    region: RegionSchema,
    kind: ServingKindSchema,
    /** Provisioned: units and term; the hourly rate per unit when the price book has none. */
    modelUnits: z.number().int().min(1).max(10_000).optional(),
    term: ProvisionedTermSchema.optional(),
    usdPerHourPerUnit: usdField.optional(),
    /** On-demand deployment: the custom-model per-token rates when the book has none. */
    inputUsdPer1k: usdField.optional(),
    outputUsdPer1k: usdField.optional(),
    /** What the distillation cost, when the analyst knows it. */
    oneOffCostUsd: usdField.optional(),
    confirmed: z.boolean(),
  })
  .refine((r) => r.kind !== 'provisioned' || (r.modelUnits !== undefined && r.term !== undefined), {
    message: 'Provisioned Throughput needs model units and a commitment term.',
    path: ['modelUnits'],
  });
export type ServeRequest = z.infer<typeof ServeRequestSchema>;

export const EvaluateRequestSchema = z.strictObject({
  servingId: IdSchema,
  datasetId: IdSchema,
  teacherModelId: ModelIdSchema,
  /** What the distillation cost, when not known yet. */
  oneOffCostUsd: usdField.optional(),
});
export type EvaluateRequest = z.infer<typeof EvaluateRequestSchema>;

/** Phases where the resource may exist in AWS and cost money: Delete is offered. */
export const mayExist = (phase: ServingPhase): boolean =>
  phase === 'requested' ||
  phase === 'creating' ||
  phase === 'inService' ||
  phase === 'failed' ||
  phase === 'stuck';

/** Phases the app still polls. */
export const isPending = (phase: ServingPhase): boolean =>
  phase === 'requested' || phase === 'creating';

/** A distillation the app launched and saw complete (the distillation job tracker supplies it). */
export interface TrackedDistillation {
  outputModelArn: string;
  outputModelName: string;
  teacherModelId: string;
  studentModelId: string;
  region: string;
  oneOffCostUsd: number | null;
  datasetId: string | null;
}

/**
 * The control plane's custom models with what the app knows of the ones it distilled itself:
 * the teacher, the paragraphs and the one-off cost. A tracked model the listing does not show
 * yet (lists lag) is added as it is.
 */
export function withTrackedDistillations(
  listed: readonly CustomModel[],
  tracked: readonly TrackedDistillation[],
): CustomModel[] {
  const byArn = new Map(tracked.map((t) => [t.outputModelArn, t]));
  const merged = listed.map((m) => {
    const t = byArn.get(m.modelArn);
    if (!t) return m;
    byArn.delete(m.modelArn);
    return {
      ...m,
      teacherModelId: m.teacherModelId ?? t.teacherModelId,
      baseModelId: m.baseModelId ?? t.studentModelId,
      oneOffCostUsd: t.oneOffCostUsd ?? m.oneOffCostUsd,
      datasetId: t.datasetId ?? m.datasetId,
    };
  });
  const unlisted = [...byArn.values()].map((t): CustomModel => ({
    modelArn: t.outputModelArn,
    modelName: t.outputModelName,
    region: t.region,
    baseModelId: t.studentModelId,
    teacherModelId: t.teacherModelId,
    status: null,
    customizationType: 'DISTILLATION',
    createdAt: null,
    oneOffCostUsd: t.oneOffCostUsd,
    datasetId: t.datasetId,
  }));
  return [...merged, ...unlisted];
}
