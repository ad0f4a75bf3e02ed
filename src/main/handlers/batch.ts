/**
 * Batch inference from the app: the saved batch settings, preview (cost at batch prices, jobs, problems; no AWS), start
 * (bucket check, plan, then upload/create/track in the background), the job overview, Stop.
 */
import type { BatchSettings } from '../../shared/batch/batchSettings';
import type { BatchRequest } from '../batch/batchSetup';
import { readBatchSettings, saveBatchSettings } from '../batch/batchSettings';
import { planBatch } from '../batch/batchSetup';
import { BatchSetupError } from '../batch/batchErrors';
import { hasOpenBatchJobs } from '../batch/batchCalls';
import { getBatchSetup } from '../db/repos/batchJobs';
import type { HandlerContext } from '../core/context';
import { estimateFor } from '../estimate/experimentEstimate';
import { requireExperiment } from '../common/lookups';
import { AppFailure } from '../common/failure';

interface BatchInput {
  experimentId: string;
  s3Uri: string;
  roleArn: string;
  modelIds?: string[] | undefined;
}

// The fallback quotas are the saved ones: planBatch reads them from the batch settings.
const request = (input: BatchInput): BatchRequest => ({
  s3Uri: input.s3Uri,
  roleArn: input.roleArn,
  ...(input.modelIds ? { modelIds: input.modelIds } : {}),
});

export const batchHandlers = {
  getBatchSettings: (ctx: HandlerContext) => readBatchSettings(ctx.db),

  saveBatchSettings: (ctx: HandlerContext, input: BatchSettings) => {
    saveBatchSettings(ctx.db, input);
    return readBatchSettings(ctx.db);
  },

  previewBatch: (ctx: HandlerContext, input: BatchInput) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    try {
      const plan = planBatch(ctx.db, input.experimentId, request(input));
      const prices = e.config.prices.map(
        (p) => plan.setup.prices.find((b) => b.modelId === p.modelId) ?? p,
      );
      const byModel = plan.setup.modelIds.map((modelId) => {
        const jobs = plan.jobs.filter((j) => j.modelId === modelId);
        return {
          modelId,
          records: jobs.reduce((s, j) => s + j.recordCount, 0),
          files: jobs.reduce((s, j) => s + j.files.length, 0),
        };
      });
      return {
        problems: [],
        jobs: byModel,
        estimate: estimateFor(ctx.db, { ...e.config, prices }),
      };
    } catch (err) {
      if (!(err instanceof BatchSetupError)) throw err;
      return { problems: err.message.split('\n'), jobs: [], estimate: null };
    }
  },

  startBatch: async (ctx: HandlerContext, input: BatchInput) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    if (e.status === 'running' || ctx.runs.progress(input.experimentId)) {
      throw new AppFailure(
        'invalid_input',
        'This experiment is running on demand; pause it first.',
      );
    }
    try {
      return await ctx.batch.setUp(input.experimentId, request(input));
    } catch (err) {
      if (err instanceof BatchSetupError) {
        throw new AppFailure(
          err.belowMinimum ? 'below_batch_minimum' : 'invalid_input',
          err.message,
        );
      }
      throw err;
    }
  },

  getBatchOverview: (ctx: HandlerContext, input: { experimentId: string }) => {
    requireExperiment(ctx.db, input.experimentId);
    return ctx.batch.overview(input.experimentId);
  },

  stopBatch: async (ctx: HandlerContext, input: { experimentId: string }) => {
    requireExperiment(ctx.db, input.experimentId);
    if (
      !getBatchSetup(ctx.db, input.experimentId) ||
      !hasOpenBatchJobs(ctx.db, input.experimentId)
    ) {
      return ctx.batch.overview(input.experimentId);
    }
    return ctx.batch.stop(input.experimentId);
  },

  resumeBatch: (ctx: HandlerContext, input: { experimentId: string }) => {
    requireExperiment(ctx.db, input.experimentId);
    if (!getBatchSetup(ctx.db, input.experimentId)) {
      throw new AppFailure('invalid_input', 'This experiment was not sent to batch.');
    }
    return ctx.batch.resume(input.experimentId);
  },
};
