import { z } from 'zod';
import type { RougeType } from '../metrics';

/**
 * Every quality metric the app reports, with its scale and where its values come from. A metric
 * key names one per-output number; the ROUGE ones say what the output was compared against,
 * because a student can be close to the teacher (the distillation target) yet far from a human
 * reference, and the analyst must see both.
 */

export const ROUGE_TARGETS = ['reference', 'teacher'] as const;
export type RougeTarget = (typeof ROUGE_TARGETS)[number];

export const JUDGE_CRITERIA = ['faithfulness', 'coverage', 'conciseness', 'fluency'] as const;
export type JudgeCriterion = (typeof JUDGE_CRITERIA)[number];

export const METRIC_KEYS = [
  'rouge1@reference',
  'rouge2@reference',
  'rougeL@reference',
  'rougeLsum@reference',
  'rouge1@teacher',
  'rouge2@teacher',
  'rougeL@teacher',
  'rougeLsum@teacher',
  'judge.faithfulness',
  'judge.coverage',
  'judge.conciseness',
  'judge.fluency',
  'judge.overall',
  'human.rating',
] as const;
export const MetricKeySchema = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof MetricKeySchema>;

export type ScoreSource = 'rouge' | 'judge' | 'human';

/** Stored pairwise verdicts (value 1 = student preferred, 0.5 = tie, 0 = teacher preferred). */
export const JUDGE_PAIRWISE_METRIC = 'judge.pairwise';
export const HUMAN_PREFERENCE_METRIC = 'human.preference';
export const HUMAN_RATING_METRIC: MetricKey = 'human.rating';
export const JUDGE_OVERALL_METRIC: MetricKey = 'judge.overall';

export const rougeMetricKey = (type: RougeType, target: RougeTarget): MetricKey =>
  `${type}@${target}` as MetricKey;
export const judgeMetricKey = (c: JudgeCriterion): MetricKey => `judge.${c}` as MetricKey;

export interface MetricInfo {
  readonly key: MetricKey;
  readonly label: string;
  readonly group: string;
  readonly source: ScoreSource;
  /** Lowest and highest possible value (for chart axes and histogram bins). */
  readonly min: number;
  readonly max: number;
  /** Where the bar starts before the analyst sets one: outputs strictly below it fail. */
  readonly defaultBar: number;
  /** False for ROUGE against the teacher: the teacher is the target, so it has no own value. */
  readonly teacherScored: boolean;
  /** Decimals to show for means and intervals. */
  readonly decimals: number;
}

const ROUGE_LABEL: Record<RougeType, string> = {
  rouge1: 'ROUGE-1 F1',
  rouge2: 'ROUGE-2 F1',
  rougeL: 'ROUGE-L F1',
  rougeLsum: 'ROUGE-Lsum F1',
};

/**
 * Where each ROUGE variant's pass mark starts. They differ because the variants run at different
 * levels: a sound summary scores about 0.4 on ROUGE-1 but 0.15 on ROUGE-2 against a reference,
 * so one mark for all made the teacher itself "fail" ROUGE-2 on nearly every paragraph. Against
 * the teacher's own output scores run higher (it is the target the student was distilled to).
 */
const ROUGE_DEFAULT_BAR: Record<RougeTarget, Record<RougeType, number>> = {
  reference: { rouge1: 0.35, rouge2: 0.12, rougeL: 0.3, rougeLsum: 0.33 },
  teacher: { rouge1: 0.45, rouge2: 0.25, rougeL: 0.3, rougeLsum: 0.35 },
};

function info(key: MetricKey): MetricInfo {
  const [head, target] = key.split('@') as [string, RougeTarget | undefined];
  if (target) {
    return {
      key,
      label: ROUGE_LABEL[head as RougeType],
      group: target === 'reference' ? 'ROUGE vs reference' : 'ROUGE vs teacher',
      source: 'rouge',
      min: 0,
      max: 1,
      defaultBar: ROUGE_DEFAULT_BAR[target][head as RougeType],
      teacherScored: target === 'reference',
      decimals: 3,
    };
  }
  if (key === 'human.rating') {
    return {
      key,
      label: 'Rating (1–5)',
      group: 'Your ratings',
      source: 'human',
      min: 1,
      max: 5,
      defaultBar: 3,
      teacherScored: true,
      decimals: 2,
    };
  }
  const criterion = key.slice('judge.'.length);
  return {
    key,
    label:
      criterion === 'overall'
        ? 'Overall (mean of the 4)'
        : `${criterion.charAt(0).toUpperCase()}${criterion.slice(1)}`,
    group: 'LLM judge',
    source: 'judge',
    min: 1,
    max: 5,
    defaultBar: 3,
    teacherScored: true,
    decimals: 2,
  };
}

export const METRICS: readonly MetricInfo[] = METRIC_KEYS.map(info);

/** The label with its group, for places that show one metric alone (a chart, a caption). */
export const fullLabel = (m: Pick<MetricInfo, 'group' | 'label'>): string =>
  `${m.group} · ${m.label}`;

export function metricInfo(key: MetricKey): MetricInfo {
  return METRICS.find((m) => m.key === key) as MetricInfo;
}
