import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { ModelIdSchema } from '../domain/experiment';
import { BatchOverviewSchema } from '../batch/batchDomain';
import { BatchSettingsSchema } from '../batch/batchSettings';
import { RunEstimateSchema } from '../estimate/runEstimate';

const BatchRequestSchema = z.strictObject({
  experimentId: IdSchema,
  s3Uri: z.string().trim().min(1, 'Enter the S3 location (s3://BUCKET/PREFIX).').max(1100),
  roleArn: z.string().trim().min(1, 'Enter the service role ARN.').max(2048),
  /** Models to send to batch; absent: every model of the experiment. */
  modelIds: z.array(ModelIdSchema).min(1).max(6).optional(),
});

export const batchChannels = {
  /** The role, S3 location and fallback quotas saved in Settings › Batch inference. */
  getBatchSettings: { input: z.strictObject({}), output: BatchSettingsSchema },
  saveBatchSettings: { input: BatchSettingsSchema, output: BatchSettingsSchema },
  /** What sending this experiment to batch would do, checked without AWS: cost at batch prices, jobs, problems. */
  previewBatch: {
    input: BatchRequestSchema,
    output: z.object({
      problems: z.array(z.string()),
      jobs: z.array(
        z.object({ modelId: z.string(), records: z.number().int(), files: z.number().int() }),
      ),
      estimate: RunEstimateSchema.nullable(),
    }),
  },
  /** Checks the bucket, stores the plan and starts uploading, creating and tracking the jobs. */
  startBatch: { input: BatchRequestSchema, output: BatchOverviewSchema },
  getBatchOverview: {
    input: z.strictObject({ experimentId: IdSchema }),
    output: BatchOverviewSchema,
  },
  stopBatch: { input: z.strictObject({ experimentId: IdSchema }), output: BatchOverviewSchema },
  /** Follows the jobs again after tracking stopped (credentials or permissions renewed). */
  resumeBatch: { input: z.strictObject({ experimentId: IdSchema }), output: BatchOverviewSchema },
} as const;
