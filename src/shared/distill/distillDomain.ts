/**
 * Distillation jobs as the store, the IPC contract, the Distill screen and the CLI see them:
 * the settings they launch under, the launch request, and a job with its sub-steps.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { ModelIdSchema, RegionSchema } from '../domain/experiment';

/** Where distillation jobs write, which role Bedrock assumes, and the spend above which to ask. */
export const DistillSettingsSchema = z.strictObject({
  /** IAM role Bedrock assumes to read the training data and write the output. */
  roleArn: z.string().trim().max(2048).nullable(),
  /** `s3://bucket/prefix` for training files and job output. */
  s3Uri: z.string().trim().max(1100).nullable(),
  /** A launch whose estimate is above this needs an explicit yes; null: never asks. */
  budgetUsd: z.number().min(0).max(1e9).nullable(),
});
export type DistillSettings = z.infer<typeof DistillSettingsSchema>;

export const DEFAULT_DISTILL_SETTINGS: DistillSettings = {
  roleArn: null,
  s3Uri: null,
  budgetUsd: null,
};

/** Invocation-log jobs have no prompts in the app: the analyst says how many the logs hold. */
export const DistillSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('dataset'),
    datasetId: IdSchema,
    /** `{{paragraph}}` is replaced by each paragraph's text. */
    promptTemplate: z.string().max(20_000),
    systemPrompt: z.string().max(20_000).nullable(),
  }),
  z.strictObject({
    kind: z.literal('invocationLogs'),
    s3Uri: z.string().trim().min(1, 'Enter the invocation logs location (s3://...).').max(1100),
    /** Reuse the teacher answers found in the logs (no teacher calls) rather than regenerate. */
    usePromptResponse: z.boolean(),
    promptCount: z.number().int().min(0).max(1e7),
    /** Mean input tokens of a logged prompt, as the analyst knows it (the app never reads logs). */
    promptTokensPerPrompt: z.number().min(1).max(1e6),
  }),
]);
export type DistillSource = z.infer<typeof DistillSourceSchema>;

export const DistillLaunchSchema = z.strictObject({
  teacherModelId: ModelIdSchema,
  studentModelId: ModelIdSchema,
  region: RegionSchema,
  /** 1–63 characters; the job name is derived from it. */
  customModelName: z.string().trim().max(63),
  source: DistillSourceSchema,
  /** Ceiling of a teacher answer (maxResponseLengthForInference); the estimate's out_T. */
  maxResponseLength: z.number().int().min(1).max(32_000).default(1000),
  expansionFactor: z.number().min(1).max(1000).default(1),
  epochs: z.number().int().min(1).max(100).default(1),
  /** Typed when the price book has no training or storage price (never a made-up default). */
  trainingUsdPer1kTokens: z.number().min(0).max(1000).nullable().default(null),
  storageUsdPerMonth: z.number().min(0).max(1e6).nullable().default(null),
  /** The analyst's explicit yes to an estimate above the budget. */
  confirmOverBudget: z.boolean().default(false),
});
export type DistillLaunch = z.output<typeof DistillLaunchSchema>;
export type DistillLaunchInput = z.input<typeof DistillLaunchSchema>;

export const DistillCostSchema = z.object({
  teacherGenerationUsd: z.number(),
  teacherCalls: z.number(),
  trainingPairs: z.number(),
  pairsCapped: z.boolean(),
  trainingTokens: z.number(),
  trainingUsd: z.number(),
  storageUsd: z.number(),
  oneOffCostUsd: z.number(),
});

/** What the estimate assumed, so the actual cost can say which figures were measured. */
export const DistillBasisSchema = z.object({
  prompts: z.number(),
  inputTokensPerPrompt: z.number(),
  /** 'counted': tokenised from the prompts the app wrote; 'typed': given for invocation logs. */
  inputTokensSource: z.enum(['counted', 'typed']),
  outputTokensPerResponse: z.number(),
  teacherInputUsdPer1k: z.number(),
  teacherOutputUsdPer1k: z.number(),
  trainingUsdPer1kTokens: z.number(),
  storageUsdPerMonth: z.number(),
  expansionFactor: z.number(),
  epochs: z.number(),
  dataSource: z.enum(['teacherGenerates', 'invocationLogs']),
});
export type DistillBasis = z.infer<typeof DistillBasisSchema>;

export const DistillPreviewSchema = z.object({
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  notes: z.array(z.string()),
  prompts: z.number().nullable(),
  estimate: DistillCostSchema.nullable(),
  basis: DistillBasisSchema.nullable(),
  budgetUsd: z.number().nullable(),
  needsConfirmation: z.boolean(),
});
export type DistillPreview = z.infer<typeof DistillPreviewSchema>;

export const SubStepStatusSchema = z.enum([
  'NotStarted',
  'InProgress',
  'Completed',
  'Stopping',
  'Stopped',
  'Failed',
]);
export type SubStepStatus = z.infer<typeof SubStepStatusSchema>;

export const DISTILL_STEPS = ['validation', 'dataProcessing', 'training'] as const;
export type DistillStep = (typeof DISTILL_STEPS)[number];
export const STEP_LABELS: Record<DistillStep, string> = {
  validation: 'Validation',
  dataProcessing: 'Data processing',
  training: 'Training',
};

/**
 * planned: training data in S3 and the idempotency token stored, the job not yet created;
 * submitted: AWS has the job; ended: a final status; refused: AWS refused to create it.
 */
export const DistillPhaseSchema = z.enum(['planned', 'submitted', 'ended', 'refused']);
export type DistillPhase = z.infer<typeof DistillPhaseSchema>;

export const DistillJobViewSchema = z.object({
  id: z.string(),
  jobName: z.string(),
  customModelName: z.string(),
  teacherModelId: z.string(),
  studentModelId: z.string(),
  region: z.string(),
  sourceKind: z.enum(['dataset', 'trainingFile', 'invocationLogs']),
  datasetId: z.string().nullable(),
  prompts: z.number(),
  phase: DistillPhaseSchema,
  jobArn: z.string().nullable(),
  /** InProgress | Completed | Failed | Stopping | Stopped, as AWS says it. */
  status: z.string().nullable(),
  steps: z.record(z.enum(DISTILL_STEPS), SubStepStatusSchema),
  failureMessage: z.string().nullable(),
  /** Why the app could not create or track it (denied, offline), in words. */
  lastError: z.string().nullable(),
  outputModelArn: z.string().nullable(),
  outputModelName: z.string().nullable(),
  estimate: DistillCostSchema,
  actual: DistillCostSchema.nullable(),
  createdAt: z.string(),
  endTime: z.string().nullable(),
});
export type DistillJobView = z.infer<typeof DistillJobViewSchema>;

/** The job has nothing more to do: a final AWS status, or refused before it existed. */
export const isDistillOpen = (j: Pick<DistillJobView, 'phase'>): boolean =>
  j.phase !== 'ended' && j.phase !== 'refused';

/**
 * A launch as the core takes it: the IPC sources, plus a training file on this machine
 * (bedrock-conversation-2024 JSONL, checked line by line), which only the command line offers.
 */
export type DistillLaunchCore = Omit<DistillLaunch, 'source'> & {
  source: DistillSource | { kind: 'trainingFile'; path: string };
};
