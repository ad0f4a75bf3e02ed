import { z } from 'zod';
import { ROUGE_TYPES, type RougeType } from '../metrics/rouge';
import { fullLabel, metricInfo, rougeMetricKey, type MetricKey } from '../quality/metricKeys';

/**
 * What the analyst decides the verdict on (docs/roi-model.md §7): which evidence sources are decisive
 * and, for each, how much worse than the teacher the student may be. Nothing here is used
 * silently: a default is named as one wherever the verdict is shown.
 *
 * The tolerance of a source is in its metric's own unit (rating points, F1), because ROUGE-2
 * and a 1–5 rating do not share a scale. For ROUGE against the teacher the teacher has no score
 * of its own (it is the target), so its "tolerance" is the lowest mean similarity accepted.
 */

export const DECISION_SOURCES = ['human', 'judge', 'rougeReference', 'rougeTeacher'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];
export const DecisionSourceSchema = z.enum(DECISION_SOURCES);

export const SOURCE_LABEL: Record<DecisionSource, string> = {
  human: 'Your blind ratings',
  judge: 'LLM judge',
  rougeReference: 'ROUGE against the references',
  rougeTeacher: 'ROUGE against the teacher',
};

/** The student-minus-teacher loss each ROUGE variant tolerates, in F1: ROUGE-2 runs lower. */
const REFERENCE_TOLERANCE: Record<RougeType, number> = {
  rouge1: 0.03,
  rouge2: 0.02,
  rougeL: 0.03,
  rougeLsum: 0.03,
};
/** The lowest mean similarity to the teacher accepted, per variant. */
const TEACHER_MINIMUM: Record<RougeType, number> = {
  rouge1: 0.45,
  rouge2: 0.25,
  rougeL: 0.35,
  rougeLsum: 0.4,
};
/** Rating points on the 1–5 scale (human ratings and the judge's mean of four criteria). */
const SCALE_TOLERANCE = 0.25;

export function defaultTolerance(key: MetricKey): number {
  const [head, target] = key.split('@') as [RougeType, string | undefined];
  if (target === 'reference') return REFERENCE_TOLERANCE[head];
  if (target === 'teacher') return TEACHER_MINIMUM[head];
  return SCALE_TOLERANCE;
}

/** The metric each source is judged on. */
export function sourceMetric(source: DecisionSource, rougeType: RougeType): MetricKey {
  if (source === 'human') return 'human.rating';
  if (source === 'judge') return 'judge.overall';
  return rougeMetricKey(rougeType, source === 'rougeReference' ? 'reference' : 'teacher');
}

/** Lowest and highest tolerance a metric accepts: from 0 to its whole scale. */
export function toleranceRange(key: MetricKey): { min: number; max: number } {
  const info = metricInfo(key);
  return { min: 0, max: info.max - info.min };
}

const RougeTypeSchema = z.enum(ROUGE_TYPES as unknown as [RougeType, ...RougeType[]]);

export const DecisionSettingsSchema = z
  .strictObject({
    /** Sources the analyst marked decisive (true) or not (false); absent means the default. */
    decisive: z.partialRecord(DecisionSourceSchema, z.boolean()).default({}),
    /** Per metric; absent means `defaultTolerance`. */
    tolerances: z.partialRecord(z.string().max(64), z.number().finite()).default({}),
    /** Which ROUGE variant the two ROUGE sources are judged on. */
    rougeType: RougeTypeSchema.default('rougeL'),
  })
  .superRefine((s, ctx) => {
    for (const [key, value] of Object.entries(s.tolerances)) {
      const known = (ROUGE_TYPES as readonly string[]).some(
        (t) => key === `${t}@reference` || key === `${t}@teacher`,
      );
      if (!known && key !== 'human.rating' && key !== 'judge.overall') {
        ctx.addIssue({
          code: 'custom',
          path: ['tolerances', key],
          message: `There is no tolerance for "${key}".`,
        });
        continue;
      }
      const range = toleranceRange(key as MetricKey);
      if (value === undefined || value < range.min || value > range.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['tolerances', key],
          message: `Tolerance for ${fullLabel(metricInfo(key as MetricKey))} must be between ${range.min} and ${range.max} (got ${value}).`,
        });
      }
    }
  });
export type DecisionSettings = z.output<typeof DecisionSettingsSchema>;

export const defaultDecisionSettings = (): DecisionSettings => ({
  decisive: {},
  tolerances: {},
  rougeType: 'rougeL',
});

/** The tolerance in force for a metric and whether the analyst set it. */
export function toleranceFor(
  s: DecisionSettings,
  key: MetricKey,
): { value: number; isDefault: boolean } {
  const set = s.tolerances[key];
  return set === undefined
    ? { value: defaultTolerance(key), isDefault: true }
    : { value: set, isDefault: false };
}

/**
 * Whether a source decides. By default every source with data decides except ROUGE against the
 * teacher, which says how closely the student imitates the teacher, not how good it is.
 */
export function isDecisive(
  s: DecisionSettings,
  source: DecisionSource,
  hasData: boolean,
): { value: boolean; isDefault: boolean } {
  const set = s.decisive[source];
  if (set !== undefined) return { value: set, isDefault: false };
  return { value: hasData && source !== 'rougeTeacher', isDefault: true };
}
