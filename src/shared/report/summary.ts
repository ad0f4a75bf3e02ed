import {
  formatBreakEven,
  formatNumber,
  formatPayback,
  formatPercent,
  formatRatio,
  formatUsd,
} from '../format';
import { formatMs } from '../formatTime';
import type { ModelRunSummary } from '../metrics';
import { ratio } from '../metrics';
import type { RoiOutputs } from '../roi/computeRoi';
import type { Scenario } from '../roi/scenario';
import { FIGURE_LABELS, savingShareText } from '../roi/figureLabels';
import { figure, formatPoints, formatPointsInterval, qualityMoneyFigure } from './figures';
import { modelName } from './names';
import type { QualityGap } from './qualityGap';
import type { Figure } from './reportSchema';
import type { Verdict } from '../decision/verdict';
import {
  BATCH_LATENCY_NOTE,
  BATCH_LATENCY_TEXT,
  type LatencyEvidence,
} from '../batch/latencySource';

/** The executive summary: six figures and a few plain sentences a manager reads in a minute. */

export interface SummaryInput {
  scenario: Scenario;
  roi: RoiOutputs;
  gap: QualityGap;
  teacher: ModelRunSummary | undefined;
  student: ModelRunSummary | undefined;
  verdict: Verdict;
  /** Where each model's latency came from (absent: on demand). */
  latency?: LatencyEvidence | undefined;
}

function qualityFigure(gap: QualityGap): Figure {
  const label = FIGURE_LABELS.qualityGap;
  if (gap.kind === 'none')
    return figure(
      'qualityGap',
      label,
      null,
      'not measured',
      gap.unscored
        ? `failures are counted on ${gap.unscored.group} · ${gap.unscored.label}, which has no scores`
        : 'no quality scores yet',
    );
  if (gap.kind === 'insufficient') {
    return figure(
      'qualityGap',
      label,
      null,
      `not enough data (${formatNumber(gap.n)} paragraphs)`,
      gap.label,
    );
  }
  const value = gap.difference?.value ?? gap.studentShare - gap.teacherShare;
  const interval = gap.difference ? ` ${formatPointsInterval(gap.difference.ci)}` : '';
  return figure(
    'qualityGap',
    label,
    value,
    `${formatPoints(value)}${interval}`,
    `${gap.label} below ${formatNumber(gap.bar, gap.decimals)}: student ${formatPercent(gap.studentShare)}, teacher ${formatPercent(gap.teacherShare)}; ${formatNumber(gap.n)} paragraphs, 95% interval`,
  );
}

function latencyFigure(
  t: ModelRunSummary | undefined,
  s: ModelRunSummary | undefined,
  latency: LatencyEvidence | undefined,
): Figure {
  if (latency?.teacher === 'batch-only' || latency?.student === 'batch-only') {
    return figure('latencyRatio', 'Latency ratio', null, BATCH_LATENCY_TEXT, BATCH_LATENCY_NOTE);
  }
  const r = t && s ? ratio(t, s).e2eP50 : null;
  const note =
    t && s
      ? `median end-to-end latency, teacher ÷ student (${formatMs(t.e2e.p50)} vs ${formatMs(s.e2e.p50)})`
      : 'no successful calls to compare';
  return figure(
    'latencyRatio',
    FIGURE_LABELS.latencyRatio,
    r,
    r === null ? '—' : formatRatio(r),
    note,
  );
}

export function summaryFigures(i: SummaryInput): Figure[] {
  const { roi } = i;
  const share = savingShareText(roi.firstMonth.savingShareOfTeacher);
  return [
    figure(
      'monthlySaving',
      FIGURE_LABELS.monthlySaving,
      roi.firstMonth.costSavingUsd,
      formatUsd(roi.firstMonth.costSavingUsd),
      share === null ? 'month 1' : `month 1, ${share}`,
    ),
    qualityMoneyFigure(i.scenario, roi),
    figure(
      'payback',
      FIGURE_LABELS.payback,
      roi.payback.kind === 'month' ? roi.payback.months : null,
      formatPayback(roi.payback),
      `one-off investment ${formatUsd(roi.investment.totalUsd)}`,
    ),
    figure(
      'breakEven',
      FIGURE_LABELS.breakEven,
      roi.breakEven.kind === 'volume' ? roi.breakEven.requestsPerMonth : null,
      formatBreakEven(roi.breakEven),
      `today ${formatNumber(i.scenario.volume.requestsPerMonth)} requests/month`,
    ),
    qualityFigure(i.gap),
    latencyFigure(i.teacher, i.student, i.latency),
    figure(
      'costRatio',
      FIGURE_LABELS.costRatio,
      roi.perRequest.teacherToStudentRatio,
      roi.perRequest.teacherToStudentRatio === null
        ? 'n/a (provisioned)'
        : formatRatio(roi.perRequest.teacherToStudentRatio),
      roi.perRequest.studentUsd === null
        ? 'the student is billed by the hour'
        : `${formatUsd(roi.perRequest.teacherUsd)} vs ${formatUsd(roi.perRequest.studentUsd)} per request`,
    ),
  ];
}

function costSentence(s: Scenario, roi: RoiOutputs, teacher: string, student: string): string {
  const below =
    roi.breakEven.kind === 'volume'
      ? roi.breakEven.requestsPerMonth < 1
        ? '; it pays off at any volume'
        : `; below ${formatBreakEven(roi.breakEven)} the move would not pay off`
      : `; ${roi.breakEven.reason.charAt(0).toLowerCase()}${roi.breakEven.reason.slice(1, -1)}`;
  return `At ${formatNumber(s.volume.requestsPerMonth)} requests a month, ${student} costs ${formatUsd(roi.firstMonth.studentCostUsd)} a month against ${formatUsd(roi.firstMonth.teacherCostUsd)} for ${teacher}: ${formatUsd(roi.firstMonth.costSavingUsd)} saved each month${below}.`;
}

function investmentSentence(s: Scenario, roi: RoiOutputs): string {
  const npv = `over ${s.finance.horizonMonths} months the net present value is ${formatUsd(roi.npvUsd)}`;
  if (roi.investment.totalUsd <= 0)
    return `There is no one-off investment, so the saving counts from the first month; ${npv}.`;
  const pays =
    roi.payback.kind === 'month' ? `pays back in ${formatPayback(roi.payback)}` : 'never pays back';
  return `The one-off investment of ${formatUsd(roi.investment.totalUsd)} ${pays}; ${npv}.`;
}

function qualitySentence(gap: QualityGap, teacher: string, student: string): string {
  if (gap.kind === 'none')
    return gap.unscored
      ? `Failures under the bar are counted on ${gap.unscored.group} · ${gap.unscored.label}, which has no scores, so the quality gap is not measured.`
      : 'Quality has not been scored yet.';
  if (gap.kind === 'insufficient')
    return `Quality: only ${formatNumber(gap.n)} paragraphs are scored, too few for an interval.`;
  const diff = gap.difference
    ? ` The difference is ${formatPoints(gap.difference.value)}, 95% interval ${formatPointsInterval(gap.difference.ci)} points, over ${formatNumber(gap.n)} paragraphs.`
    : ` (${formatNumber(gap.n)} paragraphs, compared against the teacher's own outputs).`;
  return `Quality: on ${gap.label}, ${student} falls below the bar of ${formatNumber(gap.bar, gap.decimals)} on ${formatPercent(gap.studentShare)} of paragraphs, ${teacher} on ${formatPercent(gap.teacherShare)}.${diff}`;
}

export function summarySentences(i: SummaryInput): string[] {
  const { scenario: s, roi, gap } = i;
  const teacher = modelName(s.teacher.modelId);
  const student = modelName(s.student.modelId);
  const out = [
    costSentence(s, roi, teacher, student),
    investmentSentence(s, roi),
    qualitySentence(gap, teacher, student),
  ];
  const t = i.teacher?.e2e.p50 ?? null;
  const st = i.student?.e2e.p50 ?? null;
  if (t !== null && st !== null && st > 0) {
    out.push(
      `A typical answer takes ${formatMs(st)} instead of ${formatMs(t)} (${formatRatio(t / st)} faster).`,
    );
  }
  const p = roi.pessimistic;
  // Only when the interval reaches above the estimate: otherwise it is the same case again.
  if (p && p.studentFailureShare > s.quality.studentFailureShare) {
    const pays = p.payback.kind === 'month' ? `payback ${formatPayback(p.payback)}` : 'no payback';
    out.push(
      `Pessimistic case, with the student failing ${formatPercent(p.studentFailureShare)} of outputs (the top of its interval): ${formatUsd(p.firstMonthSavingUsd)} saved a month, ${pays}.`,
    );
  }
  return out;
}
