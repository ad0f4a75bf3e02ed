import { z } from 'zod';
import { ModelIdSchema, RegionSchema } from '../domain/experiment';
import { DEFAULT_SEED } from '../metrics';
import { DEFAULT_PAIRWISE_PROMPT, DEFAULT_RUBRIC, DEFAULT_SCORE_PROMPT } from './judgeDefaults';
import { missingPlaceholders } from './judgePrompt';
import { defaultDecisionSettings, DecisionSettingsSchema } from '../decision/decisionSettings';
import { fullLabel, METRICS, MetricKeySchema, type MetricKey } from './metricKeys';

/** The judge the analyst picked, its price, and the rubric and prompts it is asked with. */
export const JudgeSettingsSchema = z.strictObject({
  modelId: ModelIdSchema,
  region: RegionSchema,
  inputUsdPer1k: z.number().finite().nonnegative(),
  outputUsdPer1k: z.number().finite().nonnegative(),
  priceSource: z.string().max(500),
  rubric: z.string().trim().min(1, 'The rubric cannot be empty.').max(10_000),
  scorePrompt: z
    .string()
    .max(20_000)
    .superRefine((t, c) => {
      const missing = missingPlaceholders('score', t);
      if (missing.length > 0)
        c.addIssue({ code: 'custom', message: `Missing ${missing.join(', ')}.` });
    }),
  pairwisePrompt: z
    .string()
    .max(20_000)
    .superRefine((t, c) => {
      const missing = missingPlaceholders('pairwise', t);
      if (missing.length > 0)
        c.addIssue({ code: 'custom', message: `Missing ${missing.join(', ')}.` });
    }),
  maxTokens: z.number().int().min(50).max(4096),
  concurrency: z.number().int().min(1).max(16),
  /**
   * How many times one item (a score, or one pairwise order) is asked when its answer cannot be
   * read; later asks add a format reminder. One unless the analyst asks for more: a judge that
   * cannot answer in the format rarely does on the second try, and each ask is paid for.
   * Settings saved before this existed read as 1.
   */
  answerAttempts: z.number().int().min(1).max(3).default(1),
});
export type JudgeSettings = z.infer<typeof JudgeSettingsSchema>;

/**
 * rouge-score's `use_stemmer=True`, the setting most published ROUGE figures use, is the default;
 * without it, "contracts" and "contract" no longer match.
 */
export const DEFAULT_ROUGE_STEMMED = true;

/**
 * Per experiment: the bootstrap seed, the bar per metric, which metric feeds f_T/f_S, whether
 * ROUGE stems with Porter, the judge. `rougeStemmed` came later: settings stored without it (and
 * bundles exported before it) read as stemmed, which is what their scores were computed with.
 */
export const QualitySettingsSchema = z.strictObject({
  seed: z.number().int().min(0).max(2_147_483_647),
  bars: z.partialRecord(MetricKeySchema, z.number().finite()).superRefine((bars, ctx) => {
    // A pass mark outside the metric's scale would fail every output or none.
    for (const [key, value] of Object.entries(bars)) {
      // An unknown key is the record's own issue; only known metrics have a scale to check.
      const info = METRICS.find((m) => m.key === key);
      if (info && value !== undefined && (value < info.min || value > info.max)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Pass mark for ${fullLabel(info)} must be between ${info.min} and ${info.max} (got ${value}).`,
        });
      }
    }
  }),
  failureMetric: MetricKeySchema,
  rougeStemmed: z.boolean().default(DEFAULT_ROUGE_STEMMED),
  judge: JudgeSettingsSchema.nullable(),
  /** What the verdict rests on; settings stored before it read as the defaults. */
  decision: DecisionSettingsSchema.default(defaultDecisionSettings),
});
export type QualitySettings = z.infer<typeof QualitySettingsSchema>;

export const DEFAULT_JUDGE_MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

export function defaultJudgeSettings(
  region: string,
  price: { inputUsdPer1k: number; outputUsdPer1k: number; source: string } | null,
  modelId = DEFAULT_JUDGE_MODEL,
): JudgeSettings {
  return {
    modelId,
    region,
    inputUsdPer1k: price?.inputUsdPer1k ?? 0,
    outputUsdPer1k: price?.outputUsdPer1k ?? 0,
    priceSource: price?.source ?? '',
    rubric: DEFAULT_RUBRIC,
    scorePrompt: DEFAULT_SCORE_PROMPT,
    pairwisePrompt: DEFAULT_PAIRWISE_PROMPT,
    maxTokens: 400,
    concurrency: 4,
    answerAttempts: 1,
  };
}

export function defaultQualitySettings(): QualitySettings {
  return {
    seed: DEFAULT_SEED,
    bars: {},
    failureMetric: 'rougeL@reference',
    rougeStemmed: DEFAULT_ROUGE_STEMMED,
    judge: null,
    decision: defaultDecisionSettings(),
  };
}

/** The analyst's bar for a metric, or the metric's default. */
export function barFor(settings: QualitySettings, key: MetricKey): number {
  return settings.bars[key] ?? (METRICS.find((m) => m.key === key)?.defaultBar as number);
}
