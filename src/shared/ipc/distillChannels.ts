import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import {
  DistillJobViewSchema,
  DistillLaunchSchema,
  DistillPreviewSchema,
  DistillSettingsSchema,
} from '../distill/distillDomain';

/** Bedrock distillation jobs: settings, the checked estimate, launch, the job list, Stop. */
export const distillChannels = {
  getDistillSettings: { input: z.strictObject({}), output: DistillSettingsSchema },
  saveDistillSettings: { input: DistillSettingsSchema, output: DistillSettingsSchema },
  /** Every check and the §3 estimate, without AWS: what Launch would do and what it costs. */
  previewDistill: { input: DistillLaunchSchema, output: DistillPreviewSchema },
  /** Writes the training data, stores the job with its token, then creates and tracks it. */
  startDistill: { input: DistillLaunchSchema, output: DistillJobViewSchema },
  listDistillJobs: { input: z.strictObject({}), output: z.array(DistillJobViewSchema) },
  stopDistill: { input: z.strictObject({ id: IdSchema }), output: DistillJobViewSchema },
} as const;
