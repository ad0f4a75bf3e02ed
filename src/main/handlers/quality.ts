import { loadPriceBook } from '../db/repos/priceOverrides';
import type { Experiment } from '../../shared/domain/experiment';
import { judgePriceFor } from '../../shared/quality/judgePrice';
import type { JudgeProgress } from '../../shared/quality/judgeProgress';
import type { MetricKey } from '../../shared/quality/metricKeys';
import {
  DEFAULT_JUDGE_MODEL,
  defaultJudgeSettings,
  type JudgeSettings,
  type QualitySettings,
} from '../../shared/quality/qualitySettings';
import type { BlindPreference, Label } from '../../shared/quality/ratings';
import { findJudgePromptId, listJudgeFailures } from '../db/repos/judge';
import { getLastRater, getQualitySettings, saveQualitySettings } from '../db/repos/qualitySettings';
import {
  rateBlindOutput,
  rateBlindPreference,
  ratingSession,
  revealBlindSet,
} from '../quality/blindRatings';
import { loadJudgeEstimate } from '../quality/judgeEstimate';
import { judgeFingerprint, storedJudgeProgress } from '../quality/judgeRunner';
import { loadFailureShares } from '../quality/failureSharesLoader';
import { loadQualityReport } from '../quality/qualityReportLoader';
import type { HandlerContext } from '../core/context';
import { requireExperiment } from '../common/lookups';
import { refreshRougeScores } from '../quality/rougeScoring';
import { AppFailure } from '../common/failure';

type ByExperiment = { experimentId: string };

/**
 * The judge's progress: live while it runs, else what the store says for the current prompt,
 * with how the last run of that prompt ended (why it paused, what it spent against its estimate).
 */
function judgeProgressOf(ctx: HandlerContext, e: Experiment): JudgeProgress {
  const live = ctx.judge.progress(e.id);
  if (live) return live;
  const judge = getQualitySettings(ctx.db, e.id).judge;
  const promptId = judge ? findJudgePromptId(ctx.db, e.id, judgeFingerprint(judge)) : null;
  const stored = storedJudgeProgress(ctx.db, e, judge, promptId);
  const last = ctx.judge.lastRun(e.id);
  if (!last || last.promptId !== stored.promptId) return stored;
  const { status, statusReason, runCostUsd, runEstimate } = last;
  return { ...stored, status, statusReason, runCostUsd, runEstimate };
}

export const qualityHandlers = {
  getQualityReport: (ctx: HandlerContext, input: ByExperiment) =>
    loadQualityReport(ctx.db, requireExperiment(ctx.db, input.experimentId)),

  getQualitySetup: (ctx: HandlerContext, input: ByExperiment) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    const settings = getQualitySettings(ctx.db, e.id);
    const progress = judgeProgressOf(ctx, e);
    return {
      settings,
      defaultJudge: defaultJudgeSettings(
        e.config.region,
        judgePriceFor(DEFAULT_JUDGE_MODEL, e.config.region, loadPriceBook(ctx.db)),
      ),
      judgeProgress: progress,
      judgeFailures: progress.promptId ? listJudgeFailures(ctx.db, progress.promptId) : [],
      lastRater: getLastRater(ctx.db),
    };
  },

  saveQualitySettings: (
    ctx: HandlerContext,
    input: { experimentId: string; settings: QualitySettings },
  ) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    if (ctx.judge.progress(e.id)?.status === 'running' && input.settings.judge) {
      const current = getQualitySettings(ctx.db, e.id).judge;
      if (!current || judgeFingerprint(current) !== judgeFingerprint(input.settings.judge)) {
        throw new AppFailure(
          'conflict',
          'The judge is running with the current prompt. Cancel it before changing the judge, the rubric or the prompts.',
        );
      }
    }
    // Stemming changes every ROUGE value: rescored here, with the setting, not when read.
    ctx.db.transaction(() => {
      saveQualitySettings(ctx.db, e.id, input.settings);
      refreshRougeScores(ctx.db, e);
    })();
    return getQualitySettings(ctx.db, e.id);
  },

  estimateJudge: (
    ctx: HandlerContext,
    input: { experimentId: string; judge: JudgeSettings; retryFailures: boolean },
  ) =>
    loadJudgeEstimate(
      ctx.db,
      requireExperiment(ctx.db, input.experimentId),
      input.judge,
      input.retryFailures,
    ),

  startJudge: (ctx: HandlerContext, input: { experimentId: string; retryFailures: boolean }) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    const judge = getQualitySettings(ctx.db, e.id).judge;
    if (!judge) {
      throw new AppFailure(
        'invalid_input',
        'Choose a judge model and save the judge settings first.',
      );
    }
    if (ctx.runs.progress(e.id)?.status === 'running') {
      throw new AppFailure(
        'conflict',
        'The experiment is still running. Judge its outputs once the run has finished or is paused.',
      );
    }
    if (ctx.judge.progress(e.id)?.status === 'running') return ctx.judge.start(e, judge);
    // The estimate the analyst saw, so that the run's end can set its spend against it.
    const estimate = loadJudgeEstimate(ctx.db, e, judge, input.retryFailures);
    return ctx.judge.start(e, judge, {
      retryFailures: input.retryFailures,
      estimate:
        estimate.expectedUsd === null || estimate.maxUsd === null
          ? null
          : { expectedUsd: estimate.expectedUsd, maxUsd: estimate.maxUsd },
    });
  },

  cancelJudge: async (ctx: HandlerContext, input: ByExperiment) => {
    const e = requireExperiment(ctx.db, input.experimentId);
    return (await ctx.judge.cancel(e.id)) ?? judgeProgressOf(ctx, e);
  },

  getJudgeProgress: (ctx: HandlerContext, input: ByExperiment) =>
    judgeProgressOf(ctx, requireExperiment(ctx.db, input.experimentId)),

  getRatingSession: (
    ctx: HandlerContext,
    input: { experimentId: string; studentModelId: string; rater: string },
  ) =>
    ratingSession(
      ctx.db,
      requireExperiment(ctx.db, input.experimentId),
      input.studentModelId,
      input.rater,
    ),

  rateOutput: (
    ctx: HandlerContext,
    input: {
      experimentId: string;
      studentModelId: string;
      paragraphId: string;
      label: Label;
      rating: number;
      rater: string;
    },
  ) => rateBlindOutput(ctx.db, requireExperiment(ctx.db, input.experimentId), input),

  ratePreference: (
    ctx: HandlerContext,
    input: {
      experimentId: string;
      studentModelId: string;
      paragraphId: string;
      preferred: BlindPreference;
      rater: string;
    },
  ) => rateBlindPreference(ctx.db, requireExperiment(ctx.db, input.experimentId), input),

  revealBlindRatings: (
    ctx: HandlerContext,
    input: { experimentId: string; studentModelId: string; rater: string },
  ) =>
    revealBlindSet(
      ctx.db,
      requireExperiment(ctx.db, input.experimentId),
      input.studentModelId,
      input.rater,
    ),

  getFailureShares: (
    ctx: HandlerContext,
    input: { experimentId: string; studentModelId?: string; metric?: MetricKey; bar?: number },
  ) => loadFailureShares(ctx.db, requireExperiment(ctx.db, input.experimentId), input),
};
