/**
 * The scenario reduced to the handful of numbers every ROI formula needs. Computing them once
 * keeps computeRoi, the tornado and each Monte Carlo draw cheap: a month is then a few
 * multiplications, not a walk over the scenario.
 */
import {
  fraction,
  HOURS_PER_MONTH,
  usd,
  usdPerMonth,
  type Fraction,
  type Requests,
  type Usd,
  type UsdPerMonth,
} from '../units';
import { batchSharesOf } from './batchShares';
import { requestsPerUnitMonth, type UnitCapacity } from './capacity';
import { engineeringCostUsd, investmentUsd, type InvestmentBreakdown } from './investment';
import { provisionedStudentMonthlyCostUsd, qualityCostPerRequestUsd } from './monthly';
import { costPerRequestUsd, withBatchShareUsd } from './perRequest';
import type { HorizonMonths, Scenario } from './scenario';

export interface RoiInputs {
  requestsPerMonth: Requests;
  monthlyGrowth: number;
  /** c_T, with the teacher's batch share applied. */
  teacherCostPerRequestUsd: Usd;
  /** c_S': the student's per-request cost; 0 when provisioned. */
  studentCostPerRequestUsd: Usd;
  /**
   * F_S: storage, plus the provisioned units when they are fixed. Units that follow the volume
   * are in `capacity` instead, since their cost steps with the month's volume.
   */
  studentFixedMonthlyUsd: UsdPerMonth;
  /**
   * Provisioned units that follow the volume; null (or absent, for inputs built by hand) for
   * fixed units or per-token serving.
   */
  capacity?: UnitCapacity | null;
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

/** c_T at on-demand prices, before any batch share. */
export function teacherOnDemandCostPerRequestOf(s: Scenario): Usd {
  const { teacher } = s;
  return costPerRequestUsd(
    teacher.inputTokensPerRequest,
    teacher.outputTokensPerRequest,
    teacher.price.inputUsdPer1k,
    teacher.price.outputUsdPer1k,
  );
}

/** c_T with the teacher's batch share, which follows the student's unless set apart. */
export function teacherCostPerRequestOf(s: Scenario): Usd {
  return withBatchShareUsd(
    teacherOnDemandCostPerRequestOf(s),
    batchSharesOf(s).teacher,
    s.teacher.price.batchMultiplier,
  );
}

/**
 * f_S as the model uses it: for a distilled student, the expected share the analyst typed, else
 * the base student's measured one (an assumption the outputs name).
 */
export function effectiveStudentFailureShare(s: Scenario): Fraction {
  const expected = s.quality.expectedDistilledFailureShare;
  return s.distillation.kind === 'distill' && expected !== undefined
    ? expected
    : fraction(s.quality.studentFailureShare);
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
  let studentCostPerRequestUsd: Usd = usd(0);
  let studentFixedMonthlyUsd: UsdPerMonth = storage;
  let capacity: UnitCapacity | null = null;
  if (serving.kind === 'provisioned') {
    if (serving.unitsFollowVolume) {
      capacity = {
        requestsPerUnitMonth: requestsPerUnitMonth(
          serving.capacityTokensPerMinutePerUnit,
          s.student.inputTokensPerRequest + s.student.outputTokensPerRequest,
          serving.peakFactor,
        ),
        usdPerUnitMonth: serving.usdPerHourPerUnit * HOURS_PER_MONTH,
        minUnits: serving.modelUnits,
      };
    } else {
      studentFixedMonthlyUsd = provisionedStudentMonthlyCostUsd(
        serving.modelUnits,
        serving.usdPerHourPerUnit,
        storage,
      );
    }
  } else if (serving.kind === 'customModelOnDemand') {
    studentCostPerRequestUsd = costPerRequestUsd(
      s.student.inputTokensPerRequest,
      s.student.outputTokensPerRequest,
      serving.inputUsdPer1k,
      serving.outputUsdPer1k,
    );
  } else {
    const onDemand = studentOnDemandCostPerRequestOf(s);
    studentCostPerRequestUsd =
      serving.kind === 'batch'
        ? withBatchShareUsd(onDemand, serving.batchShare, s.student.price.batchMultiplier)
        : onDemand;
  }
  return {
    requestsPerMonth: s.volume.requestsPerMonth,
    monthlyGrowth: s.volume.monthlyGrowth,
    teacherCostPerRequestUsd: teacherCostPerRequestOf(s),
    studentCostPerRequestUsd,
    studentFixedMonthlyUsd,
    capacity,
    qualityCostPerRequestUsd: qualityCostPerRequestUsd(
      effectiveStudentFailureShare(s),
      s.quality.teacherFailureShare,
      s.quality.usdPerFailure,
    ),
    investmentUsd: investmentOf(s).totalUsd,
    yearlyDiscountRate: s.finance.yearlyDiscountRate,
    horizonMonths: s.finance.horizonMonths,
  };
}
