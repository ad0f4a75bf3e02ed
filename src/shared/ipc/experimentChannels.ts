import { z } from 'zod';
import { IdSchema, ParagraphSchema } from '../domain/dataset';
import { ExperimentConfigSchema, ExperimentSchema } from '../domain/experiment';
import { RunProgressSchema, RunRecordSchema } from '../domain/run';
import { RunEstimateSchema } from '../estimate/runEstimate';

const byId = z.strictObject({ id: IdSchema });

export const ExperimentSummarySchema = ExperimentSchema.extend({
  datasetName: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  spentUsd: z.number(),
});
export type ExperimentSummary = z.infer<typeof ExperimentSummarySchema>;

export const ExperimentResultsSchema = z.object({
  experiment: ExperimentSchema,
  /** As the experiment used them: frozen when it started. */
  paragraphs: z.array(ParagraphSchema),
  /** Paragraphs whose text or reference has changed in the dataset since (or were deleted). */
  editedParagraphIds: z.array(IdSchema).default([]),
  runs: z.array(RunRecordSchema),
});
export type ExperimentResults = z.infer<typeof ExperimentResultsSchema>;

/** The experiment channels of the contract: set up, estimate, run, and read results. */
export const experimentChannels = {
  listExperiments: { input: z.strictObject({}), output: z.array(ExperimentSummarySchema) },
  estimateExperiment: { input: ExperimentConfigSchema, output: RunEstimateSchema },
  createExperiment: { input: ExperimentConfigSchema, output: ExperimentSchema },
  deleteExperiment: { input: byId, output: z.object({ id: IdSchema }) },
  startExperiment: {
    input: z.strictObject({ id: IdSchema, confirmOverBudget: z.boolean().default(false) }),
    output: RunProgressSchema,
  },
  pauseExperiment: { input: byId, output: RunProgressSchema },
  cancelExperiment: { input: byId, output: RunProgressSchema },
  retryFailedRuns: { input: byId, output: z.object({ removed: z.number().int() }) },
  getRunProgress: { input: byId, output: RunProgressSchema },
  getExperimentResults: { input: byId, output: ExperimentResultsSchema },
} as const;
