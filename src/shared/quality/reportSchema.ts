import { z } from 'zod';
import { MetricKeySchema } from './metricKeys';
import { QualitySettingsSchema } from './qualitySettings';

/**
 * The quality view's data, as it crosses IPC. Every figure in it is computed in main by
 * `buildQualityReport` from shared functions; the renderer only formats and draws.
 */

const IntervalSchema = z.object({ low: z.number(), high: z.number() });
const Insufficient = z.object({ kind: z.literal('insufficient'), n: z.number().int() });
const estimate = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('kind', [
    Insufficient,
    z.object({ kind: z.literal('estimate'), n: z.number().int(), ...shape }),
  ]);

/** `method` names how the interval was made, printed beside it (docs/roi-model.md §5). */
export const MeanCiSchema = estimate({ mean: z.number(), ci: IntervalSchema, method: z.string() });
export type MeanCi = z.infer<typeof MeanCiSchema>;

export const ShareCiSchema = estimate({
  failures: z.number().int(),
  share: z.number(),
  ci: IntervalSchema,
});
export type ShareCi = z.infer<typeof ShareCiSchema>;

export const WinRateCiSchema = estimate({
  wins: z.number().int(),
  ties: z.number().int(),
  losses: z.number().int(),
  rate: z.number(),
  ci: IntervalSchema,
});
export type WinRateCi = z.infer<typeof WinRateCiSchema>;

const ShareFigures = z.object({
  failures: z.number().int(),
  share: z.number(),
  ci: IntervalSchema,
});
export const PairedSharesSchema = estimate({
  teacher: ShareFigures,
  student: ShareFigures,
  difference: z.object({ value: z.number(), ci: IntervalSchema, method: z.string() }),
});
export type PairedShares = z.infer<typeof PairedSharesSchema>;

export const ModelMetricSchema = z.object({
  modelId: z.string(),
  /** Paragraphs with a value for this model. */
  n: z.number().int(),
  mean: MeanCiSchema,
  /** Share of this model's outputs under the bar, over every paragraph it has a value for. */
  failure: ShareCiSchema,
});

export const StudentMetricSchema = z.object({
  modelId: z.string(),
  /** Student minus teacher over paragraphs where both have a value; null when the teacher is the target. */
  difference: MeanCiSchema.nullable(),
  winRate: WinRateCiSchema.nullable(),
  /** f_T and f_S on the same paragraphs (paired resamples); null when the teacher is the target. */
  failureShares: PairedSharesSchema.nullable(),
});

export const MetricReportSchema = z.object({
  key: MetricKeySchema,
  bar: z.number(),
  perModel: z.array(ModelMetricSchema),
  perStudent: z.array(StudentMetricSchema),
  /** Per model id: one value per paragraph (report order), null where there is none. */
  values: z.record(z.string(), z.array(z.number().nullable())),
});
export type MetricReport = z.infer<typeof MetricReportSchema>;

const VerdictSchema = z.enum(['student', 'teacher', 'tie']).nullable();
export const PreferenceReportSchema = z.object({
  source: z.enum(['judge', 'human']),
  perStudent: z.array(
    z.object({ modelId: z.string(), winRate: WinRateCiSchema, verdicts: z.array(VerdictSchema) }),
  ),
});
export type PreferenceReport = z.infer<typeof PreferenceReportSchema>;

export const ModelCostSchema = z.object({
  modelId: z.string(),
  role: z.enum(['teacher', 'student']),
  calls: z.number().int(),
  errors: z.number().int(),
  costPer1kRequestsUsd: z.number().nullable(),
});

export const JudgeSummarySchema = z.object({
  promptId: z.string().nullable(),
  modelId: z.string().nullable(),
  promptCreatedAt: z.string().nullable(),
  /** Judge calls of the prompt whose scores are shown: answered, failed (bad answers), errored. */
  answered: z.number().int(),
  failures: z.number().int(),
  errors: z.number().int(),
  /** Everything spent on judging this experiment, every prompt version included. */
  costUsd: z.number(),
});
export type JudgeSummary = z.infer<typeof JudgeSummarySchema>;

export const QualityReportSchema = z.object({
  experimentId: z.string(),
  experimentName: z.string(),
  teacherModelId: z.string(),
  studentModelIds: z.array(z.string()),
  paragraphs: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      excerpt: z.string(),
      hasReference: z.boolean(),
    }),
  ),
  options: z.object({
    seed: z.number().int(),
    resamples: z.number().int(),
    confidence: z.number(),
    minParagraphs: z.number().int(),
    rougeStemmed: z.boolean(),
  }),
  metrics: z.array(MetricReportSchema),
  preferences: z.array(PreferenceReportSchema),
  costs: z.array(ModelCostSchema),
  /** What the compared models' calls cost, kept apart from the judge's cost. */
  comparisonCostUsd: z.number(),
  judge: JudgeSummarySchema,
  raters: z.array(z.string()),
  settings: QualitySettingsSchema,
});
export type QualityReport = z.infer<typeof QualityReportSchema>;
