/**
 * Like-for-like batch (docs/roi-model.md §2): one share β of the traffic goes to batch on both sides,
 * since a workload that tolerates batch latency tolerates it with either model. The teacher's
 * share follows the student's unless the analyst set it apart; then the outputs say how much of
 * the saving comes from batch rather than from the model switch.
 */
import { formatUsd } from '../format';
import { fraction, usdPerMonth, type Fraction, type UsdPerMonth } from '../units';
import type { Scenario } from './scenario';

export const BATCH_LATENCY_NOTE =
  'Batch answers within hours (a 24-hour window), not milliseconds: the measured latency does not apply to the batched share.';

export interface BatchShares {
  teacher: Fraction;
  student: Fraction;
  /** True when the teacher's share was typed and differs from the student's. */
  setApart: boolean;
}

/** β_S: the student's share sent as batch (0 unless its serving is batch). */
export function studentBatchShareOf(s: Scenario): Fraction {
  return s.student.serving.kind === 'batch' ? s.student.serving.batchShare : fraction(0);
}

export function batchSharesOf(s: Scenario): BatchShares {
  const student = studentBatchShareOf(s);
  const typed = s.teacher.batchShare;
  const teacher = typed ?? student;
  return { teacher, student, setApart: teacher !== student };
}

export interface BatchSplit extends BatchShares {
  /**
   * Of the first month's saving, the part that comes from sending a different share to batch on
   * each side: V · c_T · (β_S − β_T) · (1 − b_T), c_T at on-demand prices. 0 when like-for-like.
   */
  savingFromBatchUsd: UsdPerMonth;
  notes: string[];
}

/** What the screen and the report say about batch; null when neither side uses it. */
export function batchSplit(
  s: Scenario,
  teacherOnDemandCostPerRequestUsd: number,
): BatchSplit | null {
  const shares = batchSharesOf(s);
  if (shares.teacher === 0 && shares.student === 0) return null;
  const savingFromBatchUsd = usdPerMonth(
    s.volume.requestsPerMonth *
      teacherOnDemandCostPerRequestUsd *
      (shares.student - shares.teacher) *
      (1 - s.teacher.price.batchMultiplier),
  );
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const notes = [BATCH_LATENCY_NOTE];
  if (shares.setApart) {
    const effect =
      savingFromBatchUsd >= 0
        ? `Of the first month's saving, ${formatUsd(savingFromBatchUsd)} comes from batch, not from the model switch.`
        : `The teacher's larger batch share lowers the first month's saving by ${formatUsd(-savingFromBatchUsd)}.`;
    notes.push(
      `Batch shares set apart: teacher ${pct(shares.teacher)}, student ${pct(shares.student)}. ${effect}`,
    );
  }
  return { ...shares, savingFromBatchUsd, notes };
}
