import { z } from 'zod';
import { IdSchema } from '../domain/dataset';
import { canonicalName } from '../domain/textRules';
import { JudgeEstimateSchema } from '../estimate/judgeEstimate';
import { ModelIdSchema } from '../domain/experiment';
import { FailureSharesSchema } from '../quality/failureSharesForRoi';
import { JudgeProgressSchema } from '../quality/judgeProgress';
import { MetricKeySchema } from '../quality/metricKeys';
import { JudgeSettingsSchema, QualitySettingsSchema } from '../quality/qualitySettings';
import {
  BlindPreferenceSchema,
  LabelSchema,
  RaterNameSchema,
  RatingSchema,
  RatingSessionSchema,
} from '../quality/ratings';
import { QualityReportSchema } from '../quality/reportSchema';

const byExperiment = z.strictObject({ experimentId: IdSchema });

export const JudgeFailureSchema = z.object({
  paragraphId: z.string(),
  modelId: z.string(),
  kind: z.enum(['score', 'pairwiseTeacherFirst', 'pairwiseStudentFirst']),
  status: z.enum(['invalid', 'error']),
  problem: z.string().nullable(),
  answerText: z.string().nullable(),
});

export const QualitySetupSchema = z.object({
  settings: QualitySettingsSchema,
  /** A judge to start from when none is chosen yet: the default model at its catalog price. */
  defaultJudge: JudgeSettingsSchema,
  judgeProgress: JudgeProgressSchema,
  /** Unusable or missing judge answers of the current prompt version, latest first. */
  judgeFailures: z.array(JudgeFailureSchema),
  /** The name the last rating was made under, to offer again. */
  lastRater: z.string(),
});
export type QualitySetup = z.infer<typeof QualitySetupSchema>;

/**
 * The quality channels: the report, settings (bars, seed, ROUGE stemming, judge), the judge's
 * cost estimate and runs, blind
 * ratings, and f_T / f_S for the ROI calculator.
 */
export const qualityChannels = {
  getQualityReport: { input: byExperiment, output: QualityReportSchema },
  getQualitySetup: { input: byExperiment, output: QualitySetupSchema },
  saveQualitySettings: {
    input: z.strictObject({ experimentId: IdSchema, settings: QualitySettingsSchema }),
    output: QualitySettingsSchema,
  },
  /** What judging with these settings (saved or not) would cost now, before any call. */
  estimateJudge: {
    input: z.strictObject({
      experimentId: IdSchema,
      judge: JudgeSettingsSchema,
      retryFailures: z.boolean().default(false),
    }),
    output: JudgeEstimateSchema,
  },
  /** `retryFailures`: also ask again the items whose answers were unreadable. */
  startJudge: {
    input: z.strictObject({ experimentId: IdSchema, retryFailures: z.boolean().default(false) }),
    output: JudgeProgressSchema,
  },
  cancelJudge: { input: byExperiment, output: JudgeProgressSchema },
  getJudgeProgress: { input: byExperiment, output: JudgeProgressSchema },
  getRatingSession: {
    input: z.strictObject({
      experimentId: IdSchema,
      studentModelId: ModelIdSchema,
      // The rater's name as rateOutput stores it (NFC, no invisible characters); '' = none yet.
      rater: z.string().max(320).transform(canonicalName).pipe(z.string().max(80)),
    }),
    output: RatingSessionSchema,
  },
  rateOutput: {
    input: z.strictObject({
      experimentId: IdSchema,
      studentModelId: ModelIdSchema,
      paragraphId: IdSchema,
      label: LabelSchema,
      rating: RatingSchema,
      rater: RaterNameSchema,
    }),
    /** The whole set: its last rating unmasks every paragraph at once. */
    output: RatingSessionSchema,
  },
  ratePreference: {
    input: z.strictObject({
      experimentId: IdSchema,
      studentModelId: ModelIdSchema,
      paragraphId: IdSchema,
      preferred: BlindPreferenceSchema,
      rater: RaterNameSchema,
    }),
    output: RatingSessionSchema,
  },
  /** Unmasks the rater's set before it is finished; recorded with how much was rated. */
  revealBlindRatings: {
    input: z.strictObject({
      experimentId: IdSchema,
      studentModelId: ModelIdSchema,
      rater: RaterNameSchema,
    }),
    output: RatingSessionSchema,
  },
  getFailureShares: {
    input: z.strictObject({
      experimentId: IdSchema,
      /** Default: the experiment's first student. */
      studentModelId: ModelIdSchema.optional(),
      /** Default: the metric chosen in the quality settings (`failureMetric`). */
      metric: MetricKeySchema.optional(),
      /** Default: the analyst's bar for that metric. */
      bar: z.number().finite().optional(),
    }),
    output: FailureSharesSchema,
  },
} as const;
