import { z } from 'zod';
import { failureShare, pairedFailureShares, resolveBootstrapOptions } from '../metrics';
import { metricInfo, MetricKeySchema, type MetricKey } from './metricKeys';

/**
 * f_T and f_S for the ROI calculator (docs/roi-model.md §1, §5): the share of each model's outputs
 * under the analyst's bar on one metric, with intervals and the bootstrap draws the Monte Carlo
 * resamples. Paired draws (index b of both lists comes from the same paragraph resample) keep
 * the correlation between the two shares; see pairedFailureShares.
 */

const IntervalSchema = z.object({ low: z.number(), high: z.number() });
const ShareSchema = z.object({
  n: z.number().int(),
  failures: z.number().int(),
  share: z.number(),
  ci: IntervalSchema,
});

export const FailureSharesSchema = z.object({
  experimentId: z.string(),
  metric: MetricKeySchema,
  /** Outputs scoring strictly below this fail. */
  bar: z.number(),
  teacherModelId: z.string(),
  studentModelId: z.string(),
  seed: z.number().int(),
  resamples: z.number().int(),
  confidence: z.number(),
  result: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('insufficient'), n: z.number().int() }),
    z.object({
      kind: z.literal('estimate'),
      n: z.number().int(),
      /** Null when the metric compares against the teacher (ROUGE vs teacher): use f_T = 0. */
      teacher: ShareSchema.nullable(),
      student: ShareSchema,
      /** f_S − f_T with its interval, from paired resamples; null when teacher is null. */
      difference: z
        .object({ value: z.number(), ci: IntervalSchema, method: z.string() })
        .nullable(),
      draws: z.object({
        teacher: z.array(z.number()).nullable(),
        student: z.array(z.number()),
        paired: z.boolean(),
      }),
    }),
  ]),
});
export type FailureShares = z.infer<typeof FailureSharesSchema>;

export interface FailureSharesInput {
  experimentId: string;
  metric: MetricKey;
  bar: number;
  seed: number;
  teacherModelId: string;
  studentModelId: string;
  teacherValues: readonly (number | null)[];
  studentValues: readonly (number | null)[];
}

export function failureSharesForRoi(i: FailureSharesInput): FailureShares {
  const options = resolveBootstrapOptions({ seed: i.seed });
  const head = {
    experimentId: i.experimentId,
    metric: i.metric,
    bar: i.bar,
    teacherModelId: i.teacherModelId,
    studentModelId: i.studentModelId,
    ...options,
  };
  const threshold = { ...options, threshold: i.bar };
  const side = (s: {
    n: number;
    failures: number;
    share: number;
    ci: { low: number; high: number };
  }) => ({
    n: s.n,
    failures: s.failures,
    share: s.share,
    ci: s.ci,
  });
  if (!metricInfo(i.metric).teacherScored) {
    const s = failureShare(i.studentValues, threshold);
    if (s.kind === 'insufficient') return { ...head, result: s };
    return {
      ...head,
      result: {
        kind: 'estimate',
        n: s.n,
        teacher: null,
        student: side(s),
        difference: null,
        draws: { teacher: null, student: [...s.distribution], paired: false },
      },
    };
  }
  const r = pairedFailureShares(i.teacherValues, i.studentValues, threshold);
  if (r.kind === 'insufficient') return { ...head, result: r };
  return {
    ...head,
    result: {
      kind: 'estimate',
      n: r.n,
      teacher: side(r.teacher),
      student: side(r.student),
      difference: r.difference,
      draws: {
        teacher: [...r.teacher.distribution],
        student: [...r.student.distribution],
        paired: true,
      },
    },
  };
}
