import type { Preference } from '../metrics';
import type { PairwiseAnswer } from './judgeAnswer';

/**
 * The pairwise verdict asked in both orders. LLM judges favour a position (often the first), so
 * one order alone would measure the position as much as the outputs. Following MT-Bench
 * (Zheng et al., 2023), a side wins only when it is preferred in both orders; a flip or a tie
 * in either order is a tie.
 */

export type Order = 'teacherFirst' | 'studentFirst';

/** Which model an answer preferred, given which one was shown as A. */
export function preferredModel(order: Order, answer: PairwiseAnswer['preferred']): Preference {
  if (answer === 'tie') return 'tie';
  const teacherIsA = order === 'teacherFirst';
  return (answer === 'A') === teacherIsA ? 'teacher' : 'student';
}

export function combineOrders(
  teacherFirst: PairwiseAnswer['preferred'],
  studentFirst: PairwiseAnswer['preferred'],
): Preference {
  const a = preferredModel('teacherFirst', teacherFirst);
  const b = preferredModel('studentFirst', studentFirst);
  return a === b ? a : 'tie';
}

/** The stored value of a verdict: the student's share of the win (1, ½ or 0). */
export const preferenceValue = (p: Preference): number =>
  p === 'student' ? 1 : p === 'tie' ? 0.5 : 0;

/** Back from a (possibly averaged over raters) stored value to a verdict. */
export function preferenceOfValue(value: number): Preference {
  if (value > 0.5) return 'student';
  if (value < 0.5) return 'teacher';
  return 'tie';
}
