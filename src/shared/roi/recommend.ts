/**
 * Which student to pick: among the candidates whose failure share stays within the quality bar,
 * the one that saves the most per month, with one sentence saying why it wins or why none does.
 */
import { formatPercent, formatUsd } from '../format';
import type { Fraction, Usd, UsdPerMonth } from '../units';

export interface StudentCandidate {
  modelId: string;
  displayName: string;
  /** f_S measured against the same bar as the teacher. */
  failureShare: Fraction;
  /** S(1) from computeRoi for this student. */
  monthlySavingUsd: UsdPerMonth;
  npvUsd?: Usd;
}

export interface QualityBar {
  /** The highest failure share the workload tolerates. */
  maxFailureShare: Fraction;
}

export interface StudentRecommendation {
  /** Students within the bar, the largest saving first (ties: the lower failure share first). */
  ranked: StudentCandidate[];
  /** Students over the bar, the lowest failure share first. */
  excluded: StudentCandidate[];
  /** The first ranked student, if it saves anything at all. */
  winner: StudentCandidate | null;
  reason: string;
}

const bySaving = (a: StudentCandidate, b: StudentCandidate) =>
  b.monthlySavingUsd - a.monthlySavingUsd || a.failureShare - b.failureShare;
const byFailureShare = (a: StudentCandidate, b: StudentCandidate) =>
  a.failureShare - b.failureShare || b.monthlySavingUsd - a.monthlySavingUsd;

export function recommendStudents(
  candidates: readonly StudentCandidate[],
  qualityBar: QualityBar,
): StudentRecommendation {
  const bar = qualityBar.maxFailureShare;
  const ranked = candidates.filter((c) => c.failureShare <= bar).sort(bySaving);
  const excluded = candidates.filter((c) => c.failureShare > bar).sort(byFailureShare);
  const barText = formatPercent(bar);

  if (candidates.length === 0) {
    return { ranked, excluded, winner: null, reason: 'There are no students to compare.' };
  }
  const best = ranked[0];
  if (!best) {
    const closest = excluded[0] as StudentCandidate;
    return {
      ranked,
      excluded,
      winner: null,
      reason: `None of the ${candidates.length} students keeps its failure share within ${barText}; the closest, ${closest.displayName}, fails ${formatPercent(closest.failureShare)}.`,
    };
  }
  if (!(best.monthlySavingUsd > 0)) {
    return {
      ranked,
      excluded,
      winner: null,
      reason: `${best.displayName} is the best student within the ${barText} quality bar but saves ${formatUsd(best.monthlySavingUsd)} a month, so none pays off.`,
    };
  }
  const runnerUp = ranked[1];
  const margin = runnerUp
    ? `, ${formatUsd(best.monthlySavingUsd - runnerUp.monthlySavingUsd)} more than ${runnerUp.displayName}`
    : '';
  return {
    ranked,
    excluded,
    winner: best,
    reason: `${best.displayName} saves the most, ${formatUsd(best.monthlySavingUsd)} a month${margin}, while failing ${formatPercent(best.failureShare)} of outputs against a bar of ${barText}.`,
  };
}
