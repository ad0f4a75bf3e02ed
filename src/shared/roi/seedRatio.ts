/**
 * The seed study's headline ratio, kept for continuity: cost saving % / quality loss %
 * (85 % / 5 % = 17×). It is shown with its definition, and "no quality loss" replaces a
 * division by zero or a negative loss.
 */

export const SEED_RATIO_DEFINITION =
  "Cost saving % (month 1: the teacher's cost minus the student's, over the teacher's; quality cost not included) divided by quality loss % (the student's extra failure share over the teacher's pass rate).";

export type SeedRatio =
  | { kind: 'ratio'; value: number; costSavingShare: number; qualityLossShare: number }
  | { kind: 'noQualityLoss'; costSavingShare: number; qualityLossShare: number }
  | { kind: 'noTeacherCost' };

export function seedRatio(
  teacherMonthlyCostUsd: number,
  studentMonthlyCostUsd: number,
  teacherFailureShare: number,
  studentFailureShare: number,
): SeedRatio {
  if (!(teacherMonthlyCostUsd > 0)) return { kind: 'noTeacherCost' };
  const costSavingShare = (teacherMonthlyCostUsd - studentMonthlyCostUsd) / teacherMonthlyCostUsd;
  const teacherPassRate = 1 - teacherFailureShare;
  const qualityLossShare =
    teacherPassRate > 0 ? (studentFailureShare - teacherFailureShare) / teacherPassRate : 0;
  if (qualityLossShare <= 0) return { kind: 'noQualityLoss', costSavingShare, qualityLossShare };
  return {
    kind: 'ratio',
    value: costSavingShare / qualityLossShare,
    costSavingShare,
    qualityLossShare,
  };
}
