import type { Experiment, ExperimentConfig } from '../../shared/domain/experiment';
import type { RunProgress } from '../../shared/domain/run';
import type { BatchOverview } from '../../shared/batch/batchDomain';
import { formatUsd } from '../../shared/format';
import * as experiments from '../db/repos/experiments';
import { experimentCounts } from '../db/repos/experimentStats';
import { experimentParagraphs, paragraphsEditedSince } from '../db/repos/experimentParagraphs';
import { deleteFailedRuns, listRuns } from '../db/repos/runs';
import { estimateFor } from '../estimate/experimentEstimate';
import { storedProgress } from '../runner/storedProgress';
import type { HandlerContext } from '../core/context';
import { hasOpenBatchJobs } from '../batch/batchCalls';
import { requireDataset, requireExperiment } from '../common/lookups';
import { AppFailure } from '../common/failure';

/** Running, or paused offline and about to resume by itself: the runner still owns its calls. */
const isActive = (ctx: HandlerContext, id: string): boolean => {
  const p = ctx.runs.progress(id);
  return p !== null && (p.status === 'running' || p.offline === true);
};

/**
 * The status of an experiment this process is not running: another process may be running it
 * (it holds the lease), or one that was running it died (still "running" in the store, no lease).
 */
function statusFromOutside(
  ctx: HandlerContext,
  e: Experiment,
): Pick<RunProgress, 'status' | 'statusReason' | 'runningElsewhere' | 'batch'> {
  const why = ctx.runs.runningElsewhere(e.id);
  if (why) return { status: 'running', statusReason: why, runningElsewhere: true };
  // Batch jobs in AWS make the calls: running while followed, paused when tracking stopped.
  const batch = openBatch(ctx, e.id);
  if (batch) {
    return batch.trackingStopped
      ? { status: 'paused', statusReason: batch.trackingStopped, batch: true }
      : { status: 'running', statusReason: BATCH_RUNNING, batch: true };
  }
  if (e.status === 'running')
    return { status: 'interrupted', statusReason: experiments.INTERRUPTED_REASON };
  return { status: e.status, statusReason: e.statusReason };
}

/** The experiment's batch while its jobs are not all collected, else null. */
function openBatch(ctx: HandlerContext, id: string): BatchOverview | null {
  const batch = ctx.batch.overview(id);
  return batch.setup && !batch.finished ? batch : null;
}

const BATCH_RUNNING = 'Bedrock batch jobs make the calls: follow them in the batch job panel.';

/** The calls of an experiment another process is running are that process's to make or drop. */
function refuseIfRunningElsewhere(ctx: HandlerContext, id: string): void {
  const why = ctx.runs.runningElsewhere(id);
  if (why) throw new AppFailure('conflict', why);
}

function progressOf(ctx: HandlerContext, id: string): RunProgress {
  const live = ctx.runs.progress(id);
  if (live) return live;
  const e = requireExperiment(ctx.db, id);
  return { ...storedProgress(ctx.db, e), ...statusFromOutside(ctx, e) };
}

export const experimentHandlers = {
  listExperiments: (ctx: HandlerContext) =>
    experiments.listExperiments(ctx.db).map((e) => {
      const counts = experimentCounts(ctx.db, e.id, e.config);
      const { status, statusReason } = ctx.runs.progress(e.id) ?? statusFromOutside(ctx, e);
      return {
        ...e,
        status,
        statusReason,
        datasetName: requireDataset(ctx.db, e.config.datasetId).name,
        total: counts.total,
        done: counts.done,
        failed: counts.failed,
        spentUsd: counts.spentUsd,
      };
    }),

  estimateExperiment: (ctx: HandlerContext, input: ExperimentConfig) => estimateFor(ctx.db, input),

  createExperiment: (ctx: HandlerContext, input: ExperimentConfig) => {
    estimateFor(ctx.db, input);
    return requireExperiment(ctx.db, experiments.insertExperiment(ctx.db, input));
  },

  deleteExperiment: async (ctx: HandlerContext, input: { id: string }) => {
    requireExperiment(ctx.db, input.id);
    refuseIfRunningElsewhere(ctx, input.id);
    // Deleting would forget jobs that AWS keeps running (and billing): stop them first.
    if (hasOpenBatchJobs(ctx.db, input.id)) {
      throw new AppFailure(
        'conflict',
        'This experiment has batch jobs in AWS that are not collected yet. Stop them and wait until they are collected, then delete it.',
      );
    }
    if (isActive(ctx, input.id)) await ctx.runs.cancel(input.id).catch(() => undefined);
    experiments.deleteExperiment(ctx.db, input.id);
    return { id: input.id };
  },

  startExperiment: (ctx: HandlerContext, input: { id: string; confirmOverBudget: boolean }) => {
    const e = requireExperiment(ctx.db, input.id);
    refuseIfRunningElsewhere(ctx, input.id);
    if (openBatch(ctx, input.id)) {
      // The jobs in AWS make these calls: starting them on demand would pay for them twice.
      throw new AppFailure(
        'conflict',
        "Batch jobs in AWS make this experiment's calls: follow them (or resume tracking) in the batch job panel; failed records can be retried on demand once the jobs are collected.",
      );
    }
    const estimate = estimateFor(ctx.db, e.config);
    if (estimate.overBudget && !input.confirmOverBudget) {
      throw new AppFailure(
        'needs_confirmation',
        `This run could cost up to ${formatUsd(estimate.maxUsd)} if every output reaches the token limit (expected about ${formatUsd(estimate.expectedUsd)}), above the budget of ${formatUsd(e.config.budgetUsd ?? 0)}. Confirm to run anyway.`,
      );
    }
    // The client is built now, so that an endpoint the rules refuse (a setting, an environment
    // variable) is said here rather than by every call of the run.
    ctx.clients.clientFor(e.config.region);
    return ctx.runs.start(input.id);
  },

  pauseExperiment: (ctx: HandlerContext, input: { id: string }) => {
    requireExperiment(ctx.db, input.id);
    refuseIfRunningElsewhere(ctx, input.id);
    return ctx.runs.progress(input.id) ? ctx.runs.pause(input.id) : progressOf(ctx, input.id);
  },

  cancelExperiment: async (ctx: HandlerContext, input: { id: string }) => {
    requireExperiment(ctx.db, input.id);
    refuseIfRunningElsewhere(ctx, input.id);
    return ctx.runs.progress(input.id)
      ? await ctx.runs.cancel(input.id)
      : progressOf(ctx, input.id);
  },

  retryFailedRuns: (ctx: HandlerContext, input: { id: string }) => {
    requireExperiment(ctx.db, input.id);
    refuseIfRunningElsewhere(ctx, input.id);
    if (isActive(ctx, input.id)) {
      throw new AppFailure('conflict', 'Pause the experiment before retrying its failed calls.');
    }
    return { removed: deleteFailedRuns(ctx.db, input.id) };
  },

  getRunProgress: (ctx: HandlerContext, input: { id: string }) => progressOf(ctx, input.id),

  getExperimentResults: (ctx: HandlerContext, input: { id: string }) => {
    const experiment = requireExperiment(ctx.db, input.id);
    return {
      experiment,
      paragraphs: experimentParagraphs(ctx.db, experiment),
      editedParagraphIds: paragraphsEditedSince(ctx.db, experiment),
      runs: listRuns(ctx.db, input.id),
    };
  },
};
