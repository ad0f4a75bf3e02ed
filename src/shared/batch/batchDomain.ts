import { z } from 'zod';
import { ModelIdSchema, ModelPriceSchema } from '../domain/experiment';
import { describeQuotaSources, ModelQuotasSchema } from './accountQuotas';
import {
  BatchQuotasSchema,
  DEFAULT_BATCH_QUOTAS,
  describeBatchQuotas,
  sameQuotas,
  splitNote,
} from './quotas';

/** How an experiment is sent to batch, as stored: where, with which role, at what prices. */
export const BatchSetupSchema = z.strictObject({
  bucket: z.string().min(3).max(63),
  prefix: z.string().max(1024),
  roleArn: z.string().min(1).max(2048),
  /** The experiment's models that run as batch jobs (the others run on demand). */
  modelIds: z.array(ModelIdSchema).min(1),
  /** Batch prices, frozen at setup like the experiment's on-demand prices. */
  prices: z.array(ModelPriceSchema),
  /** The fallback quotas: settings, else AWS's documented defaults. */
  quotas: BatchQuotasSchema,
  /** Each model's quotas as planned, and which came from the account (absent in older setups). */
  modelQuotas: z.array(ModelQuotasSchema).optional(),
  /** Why the account's quotas could not be read at setup (denied, offline), if they could not. */
  quotaNote: z.string().nullable().optional(),
});
export type BatchSetup = z.infer<typeof BatchSetupSchema>;

export const BatchPhaseSchema = z.enum(['planned', 'uploaded', 'submitted', 'collected', 'failed']);
export type BatchPhase = z.infer<typeof BatchPhaseSchema>;

/** One invocation job as the job panel and `batch status` show it. */
export const BatchJobViewSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  partIndex: z.number().int(),
  recordCount: z.number().int(),
  /** Input files the job's records were split into (within the per-file quotas). */
  inputFiles: z.number().int().default(1),
  phase: BatchPhaseSchema,
  jobArn: z.string().nullable(),
  /** The experiment's tagged inference profile the job named as its modelId (null: the model). */
  profileArn: z.string().nullable().optional(),
  status: z.string().nullable(),
  message: z.string().nullable(),
  inputUri: z.string(),
  outputUri: z.string(),
  totalRecords: z.number().int().nullable(),
  processedRecords: z.number().int().nullable(),
  successRecords: z.number().int().nullable(),
  errorRecords: z.number().int().nullable(),
  submitTime: z.string().nullable(),
  lastModifiedTime: z.string().nullable(),
  endTime: z.string().nullable(),
  polledAt: z.string().nullable(),
  storedOk: z.number().int().nullable(),
  storedErrors: z.number().int().nullable(),
  notReturned: z.number().int().nullable(),
  collectNote: z.string().nullable(),
  /**
   * Why the multipart uploads an interrupted upload left under the job's input were not cleared
   * (listing or aborting them was denied). Kept apart from `message`, which each poll replaces.
   */
  uploadNote: z.string().nullable().optional(),
  collectedAt: z.string().nullable(),
});
export type BatchJobView = z.infer<typeof BatchJobViewSchema>;

export const BatchOverviewSchema = z.object({
  experimentId: z.string(),
  setup: BatchSetupSchema.nullable(),
  jobs: z.array(BatchJobViewSchema),
  /** True once every job has ended and been collected (or failed before it was created). */
  finished: z.boolean(),
  /**
   * Why the app stopped following the jobs (AWS refused a poll or a download for a reason that
   * waiting does not cure: expired credentials, a permission removed), or null while it follows
   * them. The jobs carry on in AWS; Resume follows them again.
   */
  trackingStopped: z.string().nullable(),
});
export type BatchOverview = z.infer<typeof BatchOverviewSchema>;

/**
 * What the job panel and the CLI say about the plan: the quotas and where they came from, then
 * each model that had to be split into several jobs or files, and why.
 */
export function batchPlanNotes(o: BatchOverview, name: (modelId: string) => string): string[] {
  if (!o.setup) return [];
  const { quotas, modelQuotas } = o.setup;
  const quotasOf = (modelId: string) =>
    modelQuotas?.find((m) => m.modelId === modelId)?.quotas ?? quotas;
  const splits = o.setup.modelIds.flatMap((modelId) => {
    const jobs = o.jobs
      .filter((j) => j.modelId === modelId)
      .map((j) => ({ recordCount: j.recordCount, files: j.inputFiles }));
    const note =
      jobs.length > 0 ? splitNote({ modelName: name(modelId), jobs }, quotasOf(modelId)) : null;
    return note ? [note] : [];
  });
  // Setups from before the account's quotas were read have one set of quotas for every model.
  const fallback = sameQuotas(quotas, DEFAULT_BATCH_QUOTAS)
    ? "AWS's documented defaults"
    : 'your settings';
  // Why the account could not be read comes first; the sources after it need not repeat it.
  const why = o.setup.quotaNote ? [o.setup.quotaNote] : [];
  const sources = modelQuotas
    ? describeQuotaSources(
        modelQuotas.map((m) => ({ m, name: name(m.modelId) })),
        fallback,
        why.length > 0,
      )
    : [describeBatchQuotas(quotas)];
  return [...why, ...sources, ...splits];
}
