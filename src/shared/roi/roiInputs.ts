/**
 * The scenario reduced to the handful of numbers every ROI formula needs. Computing them once
 * keeps computeRoi, the tornado and each Monte Carlo draw cheap: a month is then a few
 * multiplications, not a walk over the scenario.
 */
import { usd, usdPerMonth, type Requests, type Usd, type UsdPerMonth } from '../units';
import { engineeringCostUsd, investmentUsd, type InvestmentBreakdown } from './investment';
import { provisionedStudentMonthlyCostUsd, qualityCostPerRequestUsd } from './monthly';
import { costPerRequestUsd, withBatchShareUsd } from './perRequest';
import { countedQualityDifference } from './qualityMoney';
import type { HorizonMonths, Scenario } from './scenario';

export interface RoiInputs {
  requestsPerMonth: Requests;
  monthlyGrowth: number;
  /** c_T, with the teacher's batch share applied. */
  teacherCostPerRequestUsd: Usd;
  /** c_S': the student's per-request cost; 0 when provisioned. */
  studentCostPerRequestUsd: Usd;
  /** F_S: provisioned units plus storage; just storage for a per-token student. */
  studentFixedMonthlyUsd: UsdPerMonth;
  /** (f_S − f_T) · c_f. */
  qualityCostPerRequestUsd: Usd;
  investmentUsd: Usd;
  yearlyDiscountRate: number;
  horizonMonths: HorizonMonths;
}

export function investmentOf(s: Scenario): InvestmentBreakdown {
  const engineering = engineeringCostUsd(s.engineering.hours, s.engineering.usdPerHour);
  return investmentUsd(s.distillation, s.teacher, engineering);
}

/** Storage s, which a base model used as-is does not have. */
export function storageOf(s: Scenario): UsdPerMonth {
  return s.distillation.kind === 'baseModelAsIs' ? usdPerMonth(0) : s.student.storageUsdPerMonth;
}

export function teacherCostPerRequestOf(s: Scenario): Usd {
  const { teacher } = s;
  const onDemand = costPerRequestUsd(
    teacher.inputTokensPerRequest,
    teacher.outputTokensPerRequest,
    teacher.price.inputUsdPer1k,
    teacher.price.outputUsdPer1k,
  );
  return withBatchShareUsd(onDemand, teacher.batchShare, teacher.price.batchMultiplier);
}

/** c_S at the student's on-demand prices, whatever its serving mode. */
export function studentOnDemandCostPerRequestOf(s: Scenario): Usd {
  const { student } = s;
  return costPerRequestUsd(
    student.inputTokensPerRequest,
    student.outputTokensPerRequest,
    student.price.inputUsdPer1k,
    student.price.outputUsdPer1k,
  );
}

export function deriveRoiInputs(s: Scenario): RoiInputs {
  const storage = storageOf(s);
  const serving = s.student.serving;
  let studentCostPerRequestUsd: Usd;
  let studentFixedMonthlyUsd: UsdPerMonth;
  if (serving.kind === 'provisioned') {
    studentCostPerRequestUsd = usd(0);
    studentFixedMonthlyUsd = provisionedStudentMonthlyCostUsd(
      serving.modelUnits,
      serving.usdPerHourPerUnit,
      storage,
    );
  } else {
    const onDemand = studentOnDemandCostPerRequestOf(s);
    studentCostPerRequestUsd =
      serving.kind === 'batch'
        ? withBatchShareUsd(onDemand, serving.batchShare, s.student.price.batchMultiplier)
        : onDemand;
    studentFixedMonthlyUsd = storage;
  }
  return {
    requestsPerMonth: s.volume.requestsPerMonth,
    monthlyGrowth: s.volume.monthlyGrowth,
    teacherCostPerRequestUsd: teacherCostPerRequestOf(s),
    studentCostPerRequestUsd,
    studentFixedMonthlyUsd,
    // Only what countedQualityDifference admits: a gain its interval does not support is 0.
    qualityCostPerRequestUsd:
      countedQualityDifference(s.quality).counted === 0
        ? usd(0)
        : qualityCostPerRequestUsd(
            s.quality.studentFailureShare,
            s.quality.teacherFailureShare,
            s.quality.usdPerFailure,
          ),
    investmentUsd: investmentOf(s).totalUsd,
    yearlyDiscountRate: s.finance.yearlyDiscountRate,
    horizonMonths: s.finance.horizonMonths,
  };
}
