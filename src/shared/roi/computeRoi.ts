/**
 * computeRoi: every figure the ROI screen, the CLI and the PDF show, from one scenario. The
 * scenario is reduced to a few numbers once (roiInputs.ts); the rest is arithmetic over at most
 * 120 months, so the what-if sliders can recompute on every change.
 */
import { formatPercent } from '../format';
import { fraction, usd, usdPerMonth, type Fraction, type Usd, type UsdPerMonth } from '../units';
import { batchSplit, type BatchSplit } from './batchShares';
import { breakEvenVolume, type BreakEven } from './breakEven';
import {
  cumulativeCashFlowUsd,
  monthFigures,
  PAYBACK_SEARCH_MONTHS,
  paybackFromCashFlow,
  roiOverHorizon,
  type MonthFigures,
  type Payback,
  type Roi,
} from './cashFlow';
import {
  cashFlowSeries,
  costVsVolumeSeries,
  type CashFlowSeries,
  type CostVsVolumeSeries,
} from './chartSeries';
import type { InvestmentBreakdown } from './investment';
import {
  deriveRoiInputs,
  effectiveStudentFailureShare,
  modelledQuality,
  investmentOf,
  studentOnDemandCostPerRequestOf,
  teacherOnDemandCostPerRequestOf,
  type RoiInputs,
} from './roiInputs';
import type { Scenario } from './scenario';
import {
  countedQualityDifference,
  pessimisticQualityDifference,
  type QualityDifference,
} from './qualityMoney';
import { seedRatio, type SeedRatio } from './seedRatio';
import { servingWarnings, type RoiWarning } from './servingWarnings';
import { provisionedUtilization, type UtilizationReport } from './utilization';

export interface HorizonTotals {
  teacherCostUsd: Usd;
  studentCostUsd: Usd;
  qualityCostUsd: Usd;
  /** Σ S(t), undiscounted: the numerator of ROI before the investment. */
  savingUsd: Usd;
}

/** The same figures with f_S − f_T at the high end of its interval (the student's way). */
export interface PessimisticCase {
  studentFailureShare: Fraction;
  /** Money from quality in month 1 at that end; negative is a cost. */
  qualityMoneyUsd: UsdPerMonth;
  firstMonthSavingUsd: UsdPerMonth;
  npvUsd: Usd;
  payback: Payback;
  breakEven: BreakEven;
  note: string;
}

/** The failure share the model used for the student, and whether it was measured on it. */
export interface StudentQualityBasis {
  failureShare: Fraction;
  /**
   * `measured`: the student's own measured share. `assumedSameAsBase`: a distilled student taken
   * to keep the base model's measured share. `expectedDistilled`: the share the analyst expects.
   */
  basis: 'measured' | 'assumedSameAsBase' | 'expectedDistilled';
  /** For the report; null when the share was measured on the model that will serve. */
  note: string | null;
}

export interface RoiOutputs {
  perRequest: {
    teacherUsd: Usd;
    /** c_S' as billed (batch share applied); null when provisioned, which bills by the hour. */
    studentUsd: Usd | null;
    /** The student at on-demand prices, for the seed-style comparison. */
    studentOnDemandUsd: Usd;
    /** c_T / c_S'; null when provisioned or when the student costs nothing per request. */
    teacherToStudentRatio: number | null;
  };
  /**
   * Month 1. `costSavingUsd` is C_T − C_S and `savingShareOfTeacher` its share of C_T: the
   * headline never includes money from quality, which is its own line (`qualityMoney`).
   */
  firstMonth: MonthFigures & { costSavingUsd: UsdPerMonth; savingShareOfTeacher: number | null };
  /** Money from quality: −Q(1) (positive is a gain) and how f_S − f_T was counted. */
  qualityMoney: { firstMonthUsd: UsdPerMonth; difference: QualityDifference };
  monthly: MonthFigures[];
  horizonTotals: HorizonTotals;
  investment: InvestmentBreakdown;
  npvUsd: Usd;
  payback: Payback;
  roi: Roi;
  breakEven: BreakEven;
  seedRatio: SeedRatio;
  utilization: UtilizationReport | null;
  warnings: RoiWarning[];
  pessimistic: PessimisticCase | null;
  charts: { costVsVolume: CostVsVolumeSeries; cashFlow: CashFlowSeries };
  /** Batch shares on each side, the latency note and, when set apart, the saving from batch. */
  batch: BatchSplit | null;
  studentQuality: StudentQualityBasis;
}

export function studentQualityBasis(s: Scenario): StudentQualityBasis {
  const failureShare = effectiveStudentFailureShare(s);
  if (s.distillation.kind !== 'distill') return { failureShare, basis: 'measured', note: null };
  if (s.quality.expectedDistilledFailureShare !== undefined) {
    return {
      failureShare,
      basis: 'expectedDistilled',
      note: `Expected failure share of the distilled student: ${formatPercent(failureShare)}, an analyst's estimate, not a measurement.`,
    };
  }
  return {
    failureShare,
    basis: 'assumedSameAsBase',
    note: `Assumption: the distilled student keeps the base student's failure share (${formatPercent(failureShare)}); distillation may change it.`,
  };
}

function totalsOf(monthly: readonly MonthFigures[]): HorizonTotals {
  let teacher = 0;
  let student = 0;
  let quality = 0;
  let saving = 0;
  for (const m of monthly) {
    teacher += m.teacherCostUsd;
    student += m.studentCostUsd;
    quality += m.qualityCostUsd;
    saving += m.savingUsd;
  }
  return {
    teacherCostUsd: usd(teacher),
    studentCostUsd: usd(student),
    qualityCostUsd: usd(quality),
    savingUsd: usd(saving),
  };
}

function pessimisticCase(s: Scenario): PessimisticCase | null {
  // A distilled student's typed expected share has no interval (modelledQuality): no case.
  const high = pessimisticQualityDifference(modelledQuality(s));
  if (high === null) return null;
  const share = fraction(Math.min(1, Math.max(0, s.quality.teacherFailureShare + high)));
  const worse: Scenario = { ...s, quality: { ...s.quality, studentFailureShare: share } };
  const inputs = deriveRoiInputs(worse);
  const cf = cumulativeCashFlowUsd(inputs, PAYBACK_SEARCH_MONTHS);
  const month = monthFigures(inputs, 1);
  return {
    studentFailureShare: share,
    qualityMoneyUsd: usdPerMonth(0 - month.qualityCostUsd),
    firstMonthSavingUsd: month.savingUsd,
    npvUsd: cf[inputs.horizonMonths] ?? usd(0),
    payback: paybackFromCashFlow(cf),
    breakEven: breakEvenVolume(inputs),
    note: `Pessimistic case: the student's failure share at the top of the interval of its difference to the teacher (${formatPercent(share)} instead of ${formatPercent(s.quality.studentFailureShare)}), carried into money from quality, break-even and payback.`,
  };
}

function utilizationOf(s: Scenario, inputs: RoiInputs): UtilizationReport | null {
  const serving = s.student.serving;
  if (serving.kind !== 'provisioned') return null;
  return provisionedUtilization({
    requestsPerMonth: inputs.requestsPerMonth,
    monthlyGrowth: inputs.monthlyGrowth,
    months: inputs.horizonMonths,
    inputTokens: s.student.inputTokensPerRequest,
    outputTokens: s.student.outputTokensPerRequest,
    modelUnits: serving.modelUnits,
    capacityTokensPerMinutePerUnit: serving.capacityTokensPerMinutePerUnit,
    capacityIsAssumption: serving.capacityBasis === 'assumption',
    unitsFollowVolume: serving.unitsFollowVolume,
    peakFactor: serving.peakFactor,
  });
}

function perRequestOf(s: Scenario, inputs: RoiInputs): RoiOutputs['perRequest'] {
  const provisioned = s.student.serving.kind === 'provisioned';
  const student = inputs.studentCostPerRequestUsd;
  return {
    teacherUsd: inputs.teacherCostPerRequestUsd,
    studentUsd: provisioned ? null : student,
    studentOnDemandUsd: studentOnDemandCostPerRequestOf(s),
    teacherToStudentRatio:
      !provisioned && student > 0 ? inputs.teacherCostPerRequestUsd / student : null,
  };
}

export function computeRoi(s: Scenario): RoiOutputs {
  const inputs = deriveRoiInputs(s);
  const investment = investmentOf(s);
  const horizon = inputs.horizonMonths;

  const cumulative = cumulativeCashFlowUsd(inputs, PAYBACK_SEARCH_MONTHS);
  const payback = paybackFromCashFlow(cumulative);
  const monthly: MonthFigures[] = [];
  for (let t = 1; t <= horizon; t += 1) monthly.push(monthFigures(inputs, t));
  const totals = totalsOf(monthly);
  const first = monthly[0] ?? monthFigures(inputs, 1);
  const breakEven = breakEvenVolume(inputs);

  const utilization = utilizationOf(s, inputs);

  return {
    perRequest: perRequestOf(s, inputs),
    firstMonth: {
      ...first,
      costSavingUsd: usdPerMonth(first.teacherCostUsd - first.studentCostUsd),
      savingShareOfTeacher:
        first.teacherCostUsd > 0
          ? (first.teacherCostUsd - first.studentCostUsd) / first.teacherCostUsd
          : null,
    },
    qualityMoney: {
      // 0 − Q, not −Q: a zero quality cost must print as $0, never as −$0.
      firstMonthUsd: usdPerMonth(0 - first.qualityCostUsd),
      difference: countedQualityDifference(modelledQuality(s)),
    },
    monthly,
    horizonTotals: totals,
    investment,
    npvUsd: cumulative[horizon] ?? usd(0),
    payback,
    roi: roiOverHorizon(totals.savingUsd, investment.totalUsd),
    breakEven,
    seedRatio: seedRatio(
      first.teacherCostUsd,
      first.studentCostUsd,
      s.quality.teacherFailureShare,
      effectiveStudentFailureShare(s),
    ),
    utilization,
    warnings: [
      ...(utilization?.warnings ?? []),
      ...servingWarnings(s, utilization ? Math.max(...utilization.unitsByMonth) : undefined),
    ],
    pessimistic: pessimisticCase(s),
    charts: {
      costVsVolume: costVsVolumeSeries(inputs, breakEven),
      cashFlow: cashFlowSeries(cumulative, horizon, payback),
    },
    batch: batchSplit(s, teacherOnDemandCostPerRequestOf(s)),
    studentQuality: studentQualityBasis(s),
  };
}
