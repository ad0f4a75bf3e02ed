import type { ModelPrice } from '../domain/experiment';
import {
  formatBreakEven,
  formatMonths,
  formatNumber,
  formatPayback,
  formatRatio,
  formatRoi,
  formatSeedRatio,
  formatUsd,
} from '../format';
import { computeRoi, type RoiOutputs } from '../roi/computeRoi';
import { SEED_RATIO_DEFINITION } from '../roi/seedRatio';
import { FIGURE_LABELS, npvLabel, roiLabel, savingShareText } from '../roi/figureLabels';
import type { Scenario } from '../roi/scenario';
import { figure, qualityMoneyFigure } from './figures';
import { modelRef } from './names';
import type { ScenarioSection } from './reportSchema';
import { scenarioInputs, scenarioPrices } from './scenarioAssumptions';

/** One scenario of the report: its figures, its two charts' series and its assumptions. */

export interface ReportScenarioInput {
  /** The saved scenario's id; null for the one measured from the runs. */
  id: string | null;
  name: string;
  origin: 'saved' | 'measured';
  scenario: Scenario;
}

const paybackValue = (r: RoiOutputs) => (r.payback.kind === 'month' ? r.payback.months : null);

function figuresOf(s: Scenario, r: RoiOutputs): ScenarioSection['figures'] {
  const f = r.firstMonth;
  const share = savingShareText(f.savingShareOfTeacher);
  return [
    figure(
      'volume',
      'Volume',
      s.volume.requestsPerMonth,
      `${formatNumber(s.volume.requestsPerMonth)} requests/month`,
    ),
    figure('teacherMonthly', 'Teacher, month 1', f.teacherCostUsd, formatUsd(f.teacherCostUsd)),
    figure('studentMonthly', 'Student, month 1', f.studentCostUsd, formatUsd(f.studentCostUsd)),
    figure(
      'monthlySaving',
      FIGURE_LABELS.monthlySaving,
      f.costSavingUsd,
      formatUsd(f.costSavingUsd),
      share ?? '',
    ),
    qualityMoneyFigure(s, r),
    figure(
      'investment',
      FIGURE_LABELS.investment,
      r.investment.totalUsd,
      formatUsd(r.investment.totalUsd),
    ),
    figure('npv', npvLabel(s.finance.horizonMonths), r.npvUsd, formatUsd(r.npvUsd)),
    figure('payback', FIGURE_LABELS.payback, paybackValue(r), formatPayback(r.payback)),
    figure(
      'roi',
      roiLabel(s.finance.horizonMonths),
      r.roi.kind === 'ratio' ? r.roi.value : null,
      formatRoi(r.roi),
    ),
    figure(
      'breakEven',
      FIGURE_LABELS.breakEven,
      r.breakEven.kind === 'volume' ? r.breakEven.requestsPerMonth : null,
      formatBreakEven(r.breakEven),
    ),
    figure(
      'teacherPerRequest',
      'Teacher, per request',
      r.perRequest.teacherUsd,
      formatUsd(r.perRequest.teacherUsd),
    ),
    figure(
      'studentPerRequest',
      'Student, per request',
      r.perRequest.studentUsd,
      r.perRequest.studentUsd === null
        ? 'provisioned (billed by the hour)'
        : formatUsd(r.perRequest.studentUsd),
    ),
    figure(
      'costRatio',
      FIGURE_LABELS.costRatio,
      r.perRequest.teacherToStudentRatio,
      r.perRequest.teacherToStudentRatio === null
        ? '—'
        : formatRatio(r.perRequest.teacherToStudentRatio),
    ),
    figure(
      'seedRatio',
      FIGURE_LABELS.seedRatio,
      r.seedRatio.kind === 'ratio' ? r.seedRatio.value : null,
      formatSeedRatio(r.seedRatio),
      SEED_RATIO_DEFINITION,
    ),
  ];
}

function costVsVolume(r: RoiOutputs): ScenarioSection['costVsVolume'] {
  const c = r.charts.costVsVolume;
  const be = c.breakEven;
  const crossing = be
    ? `The lines cross at ${formatBreakEven(r.breakEven)}, the break-even volume.`
    : 'The lines never cross: the student does not pay back at any volume.';
  return {
    teacher: c.points.map((p) => ({ x: p.requestsPerMonth, y: p.teacherUsd })),
    student: c.points.map((p) => ({ x: p.requestsPerMonth, y: p.studentUsd })),
    currentVolume: c.currentRequestsPerMonth,
    breakEven: be ? { x: be.requestsPerMonth, y: be.monthlyUsd } : null,
    studentLineIncludes: c.studentLineIncludes,
    description: `Monthly cost against monthly volume. The teacher costs ${formatUsd(r.perRequest.teacherUsd)} per request; the student's line includes its ${c.studentLineIncludes}. ${crossing}`,
  };
}

function cashFlow(s: Scenario, r: RoiOutputs): ScenarioSection['cashFlow'] {
  const c = r.charts.cashFlow;
  const start = c.points[0]?.cumulativeUsd ?? 0;
  // Worded for the horizon the chart shows: a payback found beyond it is named as beyond it.
  const horizon = s.finance.horizonMonths;
  const turn =
    r.payback.kind === 'month' && r.payback.months <= horizon
      ? `turns positive after ${formatMonths(r.payback.months)}`
      : r.payback.kind === 'month'
        ? `stays negative over the ${horizon} months shown (it turns positive after ${formatMonths(r.payback.months)})`
        : `stays negative over the ${horizon} months shown and does not turn positive within ${r.payback.searchedMonths / 12} years`;
  return {
    points: c.points.map((p) => ({ x: p.month, y: p.cumulativeUsd })),
    horizonMonths: c.horizonMonths,
    paybackMonths: c.payback?.months ?? null,
    description: `Cumulative cash flow${s.finance.yearlyDiscountRate > 0 ? ' (discounted)' : ''}: it starts at ${formatUsd(start)}, ${turn}, and reaches ${formatUsd(r.npvUsd)} after ${s.finance.horizonMonths} months.`,
  };
}

export function scenarioSection(
  input: ReportScenarioInput,
  experimentPrices: readonly ModelPrice[],
): { section: ScenarioSection; roi: RoiOutputs } {
  const s = input.scenario;
  const roi = computeRoi(s);
  return {
    roi,
    section: {
      id: input.id,
      name: input.name,
      origin: input.origin,
      teacher: modelRef(s.teacher.modelId),
      student: modelRef(s.student.modelId),
      figures: figuresOf(s, roi),
      warnings: roi.warnings.map((w) => w.message),
      pessimistic:
        roi.pessimistic && roi.pessimistic.studentFailureShare > s.quality.studentFailureShare
          ? roi.pessimistic.note
          : null,
      costVsVolume: costVsVolume(roi),
      cashFlow: cashFlow(s, roi),
      inputs: scenarioInputs(s, roi),
      prices: scenarioPrices(s, experimentPrices),
    },
  };
}
