import { formatMonths, formatPercent, formatUsd } from '../format';
import type { RoiOutputs } from '../roi/computeRoi';
import type { Scenario } from '../roi/scenario';
import { formatPoints } from './figures';
import { shortModelName } from './names';
import type { QualityGap } from './qualityGap';

/**
 * The one-word answer on the cover and the sentence under it. A move is recommended when it
 * saves money, pays back within the scenario's horizon, and the student fails the quality bar at
 * most QUALITY_TOLERANCE more often than the teacher. Without a quality measurement the answer is
 * "not yet", never a yes that quality could overturn.
 */

/** How many more failures (share of outputs) than the teacher still count as "as good". */
export const QUALITY_TOLERANCE = 0.05;
const TOLERANCE_TEXT = formatPoints(QUALITY_TOLERANCE).replace('+', '');

export interface Verdict {
  verdict: 'yes' | 'no' | 'unclear';
  answer: string;
  detail: string;
}

export const gapOf = (g: QualityGap): number | null =>
  g.kind === 'estimate' ? (g.difference?.value ?? g.studentShare - g.teacherShare) : null;

export function decide(s: Scenario, roi: RoiOutputs, gap: QualityGap): Verdict {
  const student = shortModelName(s.student.modelId);
  const teacher = shortModelName(s.teacher.modelId);
  const saving = roi.firstMonth.savingUsd;
  const horizon = s.finance.horizonMonths;
  const pays = saving > 0 && roi.payback.kind === 'month' && roi.payback.months <= horizon;
  const d = gapOf(gap);
  if (!pays) {
    const why =
      saving <= 0
        ? `At ${Math.round(s.volume.requestsPerMonth).toLocaleString('en-US')} requests a month the student saves nothing (${formatUsd(saving)} a month).`
        : `The saving of ${formatUsd(saving)} a month does not repay the one-off ${formatUsd(roi.investment.totalUsd)} within ${horizon} months.`;
    return { verdict: 'no', answer: `No: stay on ${teacher}`, detail: why };
  }
  const money = `${student} saves ${formatUsd(saving)} a month (${formatPercent(roi.firstMonth.savingShareOfTeacher ?? 0)} of the teacher's cost) and pays back ${roi.payback.kind === 'month' && roi.payback.months > 0 ? `in ${formatMonths(roi.payback.months)}` : 'immediately'}`;
  if (d === null) {
    return {
      verdict: 'unclear',
      answer: 'Not yet: measure quality first',
      detail: `${money}, but its quality has ${gap.kind === 'insufficient' ? 'too few scored paragraphs' : 'not been scored'} yet.`,
    };
  }
  const often =
    Math.abs(d) < 0.0005
      ? `as often as ${teacher}`
      : `${formatPoints(Math.abs(d)).replace('+', '')} ${d < 0 ? 'less' : 'more'} often than ${teacher}`;
  if (d > QUALITY_TOLERANCE) {
    return {
      verdict: 'no',
      answer: `No: ${student} falls short on quality`,
      detail: `${money}, but it fails the quality bar ${often}, beyond the ${TOLERANCE_TEXT} tolerated.`,
    };
  }
  return {
    verdict: 'yes',
    answer: `Yes: move to ${student}`,
    detail: `${money}. It fails the quality bar ${often}, within the ${TOLERANCE_TEXT} tolerated.`,
  };
}
