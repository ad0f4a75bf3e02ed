import { metricInfo, type MetricKey } from '../quality/metricKeys';
import type { MeanCi, QualityReport } from '../quality/reportSchema';

/**
 * The quality side of the decision for one student, read from the quality report: on the metric
 * the analyst chose for failures, how often teacher and student fall under the bar (with the
 * student's interval), the difference f_S − f_T with its paired interval, and the mean score
 * difference. `kind: 'none'` when there are no scores, 'insufficient' below the minimum sample.
 */

interface Interval {
  low: number;
  high: number;
}

export type QualityGap =
  /**
   * No failure shares. `unscored` names the metric chosen for failures when the report exists but
   * that metric has no scores (e.g. ROUGE vs reference with no reference summaries), so the words
   * can say so instead of "not scored" beside other metrics' scores.
   */
  | { kind: 'none'; unscored: { label: string; group: string } | null }
  | { kind: 'insufficient'; metric: MetricKey; label: string; n: number }
  | {
      kind: 'estimate';
      metric: MetricKey;
      label: string;
      bar: number;
      decimals: number;
      n: number;
      teacherShare: number;
      studentShare: number;
      studentCi: Interval;
      /** f_S − f_T with its interval; null when the teacher is the target (ROUGE vs teacher). */
      difference: { value: number; ci: Interval } | null;
      meanDifference: MeanCi | null;
    };

export function qualityGap(report: QualityReport | null, studentId: string): QualityGap {
  if (!report) return { kind: 'none', unscored: null };
  const key = report.settings.failureMetric;
  const info = metricInfo(key);
  const metric = report.metrics.find((m) => m.key === key);
  const perStudent = metric?.perStudent.find((s) => s.modelId === studentId);
  const perModel = metric?.perModel.find((m) => m.modelId === studentId);
  if (!metric || !perModel || perModel.n === 0)
    return { kind: 'none', unscored: { label: info.label, group: info.group } };
  const head = { metric: key, label: info.label, bar: metric.bar, decimals: info.decimals };
  const paired = perStudent?.failureShares;
  if (paired) {
    if (paired.kind === 'insufficient') return { kind: 'insufficient', ...head, n: paired.n };
    return {
      kind: 'estimate',
      ...head,
      n: paired.n,
      teacherShare: paired.teacher.share,
      studentShare: paired.student.share,
      studentCi: paired.student.ci,
      difference: paired.difference,
      meanDifference: perStudent.difference,
    };
  }
  // Compared against the teacher's own output: the teacher is the target and never fails.
  const own = perModel.failure;
  if (own.kind === 'insufficient') return { kind: 'insufficient', ...head, n: own.n };
  return {
    kind: 'estimate',
    ...head,
    n: own.n,
    teacherShare: 0,
    studentShare: own.share,
    studentCi: own.ci,
    difference: null,
    meanDifference: null,
  };
}
