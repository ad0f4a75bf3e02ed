import { formatUsd } from '../format';
import type { Scenario } from './scenario';

/**
 * Money from quality (docs/roi-model.md §7): Q = V · (f_S − f_T) · c_f, kept apart from the cost
 * saving. A loss always counts (at the estimate); a gain (the student failing less) counts only
 * when the interval of f_S − f_T lies wholly below zero, so that noise in a few paragraphs never
 * becomes a saving. The pessimistic case takes the interval's high end, the student's way.
 */

export interface QualityDifference {
  /** f_S − f_T as measured or typed. */
  measured: number;
  /** What the ROI counts: the measured value, or 0 for a gain its interval does not support. */
  counted: number;
  /** The interval of f_S − f_T used for the rule, when there is one. */
  interval: { low: number; high: number } | null;
  /** Why a gain is left out, when it is. */
  note: string | null;
}

/** The paired interval when measured; else the student's own interval less the teacher's share. */
export function differenceInterval(q: Scenario['quality']): { low: number; high: number } | null {
  if (q.failureShareDifferenceCi) return q.failureShareDifferenceCi;
  const ci = q.studentFailureShareCi;
  return ci ? { low: ci.low - q.teacherFailureShare, high: ci.high - q.teacherFailureShare } : null;
}

export function countedQualityDifference(q: Scenario['quality']): QualityDifference {
  const measured = q.studentFailureShare - q.teacherFailureShare;
  const interval = differenceInterval(q);
  if (measured >= 0 || q.usdPerFailure === 0)
    return { measured, counted: measured, interval, note: null };
  if (interval && interval.high < 0) return { measured, counted: measured, interval, note: null };
  return {
    measured,
    counted: 0,
    interval,
    note: interval
      ? 'The student fails less often, but the interval of the difference includes zero, so no gain is counted.'
      : 'The student fails less often, but without an interval the gain cannot be told from noise, so none is counted.',
  };
}

/** f_S − f_T at the pessimistic end: the top of its interval, never better than the estimate. */
export function pessimisticQualityDifference(q: Scenario['quality']): number | null {
  const interval = differenceInterval(q);
  return interval ? Math.max(interval.high, q.studentFailureShare - q.teacherFailureShare) : null;
}

/**
 * The "Money from quality" line as the screen and the report print it: month 1's −Q (a gain is
 * positive), and why it is what it is. Never added into the headline cost saving.
 */
export function qualityMoneyLine(
  q: Scenario['quality'],
  firstMonthUsd: number,
): { value: number; text: string; note: string } {
  const d = countedQualityDifference(q);
  const why =
    q.usdPerFailure === 0
      ? 'no cost per failed output set'
      : (d.note ??
        (firstMonthUsd > 0
          ? 'a gain: the student fails less often, and the interval excludes zero'
          : firstMonthUsd < 0
            ? "the cost of the student's extra failed outputs"
            : 'no difference in failed outputs'));
  return {
    value: firstMonthUsd,
    text: formatUsd(firstMonthUsd),
    note: `month 1, kept apart from the cost saving; ${why}`,
  };
}
