import { z } from 'zod';
import { formatNumber, formatUsd } from '../format';
import { tokens, type Tokens } from '../units';
import { estimateModelCalls, type ModelPromptTokens } from './runEstimate';

/**
 * What a judge run would cost before it starts, with the experiment run's estimator: the same
 * token counts (Llama 3 tokenizer for Llama judges, else the approximation) and the same
 * per-request cost. Two things differ from a summary, and both are judge facts, not guesses:
 *
 * - A judge answer is one short JSON object (four scores and a sentence, or a verdict and a
 *   sentence), so its expected length is a fixed JUDGE_ANSWER_TOKENS, not a share of the prompt.
 * - An unreadable answer is asked again with a format reminder, up to the judge's
 *   `answerAttempts` asks in all (judgeCall.ts), so the worst case is that many calls per judged
 *   output, each at the token limit.
 */
export const JUDGE_ANSWER_TOKENS = 60;

export const expectedJudgeAnswerTokens = (_inputTokens: number, maxTokens: number): Tokens =>
  tokens(Math.min(maxTokens, JUDGE_ANSWER_TOKENS));

export const JudgeEstimateSchema = z.object({
  judgeModelId: z.string(),
  tokenizer: z.enum(['llama3', 'approximate']),
  /** Every judge call of this prompt version: a score per output, each pair in both orders. */
  totalCalls: z.number().int(),
  /** Calls with a final result already (answered or failed): the next run does not make them. */
  judgedCalls: z.number().int(),
  /** Failed calls (unreadable answers); the next run makes them again only when asked to retry. */
  failedCalls: z.number().int(),
  /** Whether this estimate counts the failed calls asked again. */
  retryFailures: z.boolean(),
  /** Asks per item at most (the first one and its format reminders). */
  answerAttempts: z.number().int(),
  /** Calls the next run makes, split by kind. */
  calls: z.number().int(),
  scoreCalls: z.number().int(),
  pairwiseCalls: z.number().int(),
  maxTokens: z.number().int(),
  expectedInputTokens: z.number().int(),
  expectedOutputTokens: z.number().int(),
  /** Every answer unreadable until the last ask, every answer at maxTokens. */
  maxInputTokens: z.number().int(),
  maxOutputTokens: z.number().int(),
  /** Null when the judge has no price: the cost is unknown, not $0. */
  expectedUsd: z.number().nullable(),
  maxUsd: z.number().nullable(),
});
export type JudgeEstimate = z.infer<typeof JudgeEstimateSchema>;

export interface PendingJudgeCall {
  kind: 'score' | 'pairwiseTeacherFirst' | 'pairwiseStudentFirst';
  /** Input tokens of the call's prompt, and of the same prompt with the format reminder. */
  promptTokens: number;
  retryPromptTokens: number;
}

export interface JudgeEstimateInput {
  judgeModelId: string;
  tokenizer: ModelPromptTokens['tokenizer'];
  totalCalls: number;
  pending: readonly PendingJudgeCall[];
  /** Failed calls of this version, and whether `pending` has them (a retry). */
  failedCalls: number;
  retryFailures: boolean;
  answerAttempts: number;
  maxTokens: number;
  /** Per 1K tokens; null when the judge has none (see knownJudgePrice). */
  price: { inputUsdPer1k: number; outputUsdPer1k: number } | null;
}

export function estimateJudge(input: JudgeEstimateInput): JudgeEstimate {
  const { judgeModelId: modelId, tokenizer, pending, maxTokens } = input;
  const price = input.price ?? { inputUsdPer1k: 0, outputUsdPer1k: 0 };
  const asked = (pick: (c: PendingJudgeCall) => number): ModelPromptTokens => ({
    modelId,
    tokenizer,
    promptTokens: pending.map(pick),
  });
  const once = { repeats: 1, maxTokens, price };
  const first = estimateModelCalls(
    asked((c) => c.promptTokens),
    {
      ...once,
      expectedOutput: expectedJudgeAnswerTokens,
    },
  );
  const retry = estimateModelCalls(
    asked((c) => c.retryPromptTokens),
    once,
  );
  const scoreCalls = pending.filter((c) => c.kind === 'score').length;
  const priced = input.price !== null;
  const again = input.answerAttempts - 1;
  return {
    judgeModelId: modelId,
    tokenizer,
    totalCalls: input.totalCalls,
    judgedCalls: input.totalCalls - pending.length,
    failedCalls: input.failedCalls,
    retryFailures: input.retryFailures,
    answerAttempts: input.answerAttempts,
    calls: pending.length,
    scoreCalls,
    pairwiseCalls: pending.length - scoreCalls,
    maxTokens,
    expectedInputTokens: first.inputTokens,
    expectedOutputTokens: first.expectedOutputTokens,
    maxInputTokens: first.inputTokens + again * retry.inputTokens,
    maxOutputTokens: first.maxOutputTokens + again * retry.maxOutputTokens,
    expectedUsd: priced ? first.expectedUsd : null,
    maxUsd: priced ? first.maxUsd + again * retry.maxUsd : null,
  };
}

const count = (n: number, one: string, many: string): string =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

const tokenPair = (input: number, output: number): string =>
  `${formatNumber(input)} input + ${formatNumber(output)} output tokens`;

/** The estimate as the quality view shows it beside the judge's start button. */
export interface JudgeEstimateText {
  calls: string;
  /** Null when nothing is left to judge. */
  figures: string | null;
  /** Said instead of a dollar figure when the judge has no price. */
  noPrice: string | null;
  method: string | null;
}

export function judgeEstimateText(e: JudgeEstimate): JudgeEstimateText {
  if (e.calls === 0) {
    return {
      calls:
        e.totalCalls === 0
          ? 'Nothing to judge yet: no model has a successful output.'
          : `Nothing left to judge with these settings: all ${count(e.totalCalls, 'judge call has', 'judge calls have')} a result.`,
      figures: null,
      noPrice: null,
      method: null,
    };
  }
  const kinds = `${count(e.scoreCalls, 'score', 'scores')}, ${count(e.pairwiseCalls, 'pairwise comparison', 'pairwise comparisons')}`;
  const judged =
    e.judgedCalls > 0 ? `; ${formatNumber(e.judgedCalls)} already judged are not asked again` : '';
  const retrying =
    e.retryFailures && e.failedCalls > 0
      ? `, ${count(e.failedCalls, 'failed item', 'failed items')} asked again`
      : '';
  const expected = tokenPair(e.expectedInputTokens, e.expectedOutputTokens);
  const most = tokenPair(e.maxInputTokens, e.maxOutputTokens);
  const { expectedUsd, maxUsd } = e;
  const priced = expectedUsd !== null && maxUsd !== null;
  const counted =
    e.tokenizer === 'llama3'
      ? 'Input counted with the Llama 3 tokenizer'
      : 'Input approximated (about 4 characters or 0.75 words per token)';
  const answer = expectedJudgeAnswerTokens(0, e.maxTokens);
  return {
    calls: `Before judging: ${count(e.calls, 'judge call', 'judge calls')} (${kinds}${retrying})${judged}.`,
    figures: priced
      ? `Expected ${formatUsd(expectedUsd)} (${expected}) · at most ${formatUsd(maxUsd)} (${most}).`
      : `Expected ${expected} · at most ${most}.`,
    noPrice: priced
      ? null
      : 'No judge price: enter its input and output $ / 1K tokens to see what judging would cost.',
    method:
      `${counted}; answers expected at about ${formatNumber(answer)} tokens; “at most” counts ` +
      (e.answerAttempts > 1
        ? `every item asked ${formatNumber(e.answerAttempts)} times (an unreadable answer is asked again), `
        : 'every item asked once (an unreadable answer is not asked again), ') +
      `each answer at the ${formatNumber(e.maxTokens)}-token limit. Judge cost is counted apart from the comparison’s.`,
  };
}
