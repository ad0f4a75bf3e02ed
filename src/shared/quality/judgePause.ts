/**
 * When a judge run stops spending: a judge that cannot answer in the required format keeps
 * costing money for nothing (issue 11: 160 calls, no readable answer). The run pauses after
 * UNREADABLE_STREAK unreadable answers in a row, or once UNREADABLE_SHARE of its answers are
 * unreadable after SHARE_AFTER answers, and says what to change. Transport errors are not
 * answers and count toward neither.
 */
import { formatNumber, formatUsd } from '../format';

export const UNREADABLE_STREAK = 5;
export const SHARE_AFTER = 20;
export const UNREADABLE_SHARE = 0.2;

export interface AnswerTally {
  /** Answers this run got (readable or not). */
  answers: number;
  unreadable: number;
  /** Unreadable answers since the last readable one. */
  streak: number;
  /** Of the unreadable ones, how many were cut off at the token limit. */
  cutOff: number;
}

export const EMPTY_TALLY: AnswerTally = { answers: 0, unreadable: 0, streak: 0, cutOff: 0 };

export function tallyAnswer(t: AnswerTally, readable: boolean, cutOff: boolean): AnswerTally {
  return readable
    ? { ...t, answers: t.answers + 1, streak: 0 }
    : {
        answers: t.answers + 1,
        unreadable: t.unreadable + 1,
        streak: t.streak + 1,
        cutOff: t.cutOff + (cutOff ? 1 : 0),
      };
}

/** Why the run should pause now, or null to go on. */
export function pauseReason(t: AnswerTally, maxTokens: number): string | null {
  const inARow = t.streak >= UNREADABLE_STREAK;
  const tooMany = t.answers >= SHARE_AFTER && t.unreadable / t.answers >= UNREADABLE_SHARE;
  if (!inARow && !tooMany) return null;
  const what = inARow
    ? `${formatNumber(t.streak)} unreadable judge answers in a row`
    : `${formatNumber(t.unreadable)} of ${formatNumber(t.answers)} judge answers unreadable`;
  const fix =
    t.cutOff * 2 >= t.unreadable
      ? `Most were cut off at the ${formatNumber(maxTokens)}-token limit: raise the judge's max tokens.`
      : 'Read the raw answers below: pick a judge model that follows JSON instructions, or edit the prompts so that it answers with the JSON object only.';
  return `Paused after ${what}, so as not to pay for more. ${fix} Then run the judge again; items already judged are not asked again.`;
}

/** The run's spend set against its estimate, for the end of a run. */
export function spendAgainstEstimate(
  spentUsd: number,
  estimate: { expectedUsd: number; maxUsd: number } | null,
): string {
  const spent = `Spent ${formatUsd(spentUsd)}`;
  if (estimate === null) return `${spent} (no estimate: the judge has no price).`;
  const over = spentUsd > estimate.maxUsd + 1e-12 ? ' — more than the most estimated' : '';
  return `${spent} against an estimate of ${formatUsd(estimate.expectedUsd)} (at most ${formatUsd(estimate.maxUsd)})${over}.`;
}
