/**
 * The scenario reduced to the handful of numbers every ROI formula needs. Computing them once
 * keeps computeRoi, the tornado and each Monte Carlo draw cheap: a month is then a few
 * multiplications, not a walk over the scenario.
 */
import {
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
import { countedQualityDifference } from './qualityMoney';
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
 * The quality inputs as the model uses them. For a distilled student with an expected share the
 * analyst typed, that share replaces the base student's, and the base student's measured
 * intervals are dropped: they describe another model, so a gain is then not counted (§7) and no
 * pessimistic case is drawn from them. Otherwise the base student's share stands in (an
 * assumption the outputs name).
 */
export function modelledQuality(s: Scenario): Scenario['quality'] {
  const expected = s.quality.expectedDistilledFailureShare;
  if (s.distillation.kind !== 'distill' || expected === undefined) return s.quality;
  const {
    studentFailureShareCi: _measuredShare,
    failureShareDifferenceCi: _measuredDifference,
    ...rest
  } = s.quality;
  return { ...rest, studentFailureShare: expected };
}

/** f_S as the model uses it (see modelledQuality). */
export function effectiveStudentFailureShare(s: Scenario): Fraction {
  return modelledQuality(s).studentFailureShare;
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
  const quality = modelledQuality(s);
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
    // Only what countedQualityDifference admits: a gain its interval does not support is 0.
    qualityCostPerRequestUsd:
      countedQualityDifference(quality).counted === 0
        ? usd(0)
        : qualityCostPerRequestUsd(
            quality.studentFailureShare,
            quality.teacherFailureShare,
            quality.usdPerFailure,
          ),
    investmentUsd: investmentOf(s).totalUsd,
    yearlyDiscountRate: s.finance.yearlyDiscountRate,
    horizonMonths: s.finance.horizonMonths,
  };
}
