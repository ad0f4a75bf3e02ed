import { describe, expect, it } from 'vitest';
import {
  estimateJudge,
  expectedJudgeAnswerTokens,
  judgeEstimateText,
  type JudgeEstimateInput,
} from './judgeEstimate';

/** Three calls left of five: one score and both orders of one pair. */
const input: JudgeEstimateInput = {
  judgeModelId: 'test.judge-v1:0',
  tokenizer: 'approximate',
  totalCalls: 5,
  pending: [
    { kind: 'score', promptTokens: 100, retryPromptTokens: 120 },
    { kind: 'pairwiseTeacherFirst', promptTokens: 200, retryPromptTokens: 220 },
    { kind: 'pairwiseStudentFirst', promptTokens: 210, retryPromptTokens: 230 },
  ],
  failedCalls: 0,
  retryFailures: false,
  // Asked again once when unreadable (the analyst's choice; the default is 1).
  answerAttempts: 2,
  maxTokens: 400,
  price: { inputUsdPer1k: 0.003, outputUsdPer1k: 0.015 },
};

describe('judge estimate', () => {
  it('expects a short JSON answer, never above the token limit', () => {
    expect(expectedJudgeAnswerTokens(5000, 400)).toBe(60);
    expect(expectedJudgeAnswerTokens(5000, 50)).toBe(50);
  });

  it('counts the calls left and prices them as asked, and twice at the limit at most', () => {
    const e = estimateJudge(input);
    expect(e).toMatchObject({
      judgeModelId: 'test.judge-v1:0',
      totalCalls: 5,
      judgedCalls: 2,
      calls: 3,
      scoreCalls: 1,
      pairwiseCalls: 2,
      // 100 + 200 + 210 as asked; three answers of 60 tokens.
      expectedInputTokens: 510,
      expectedOutputTokens: 180,
      // Asked again with the reminder: 120 + 220 + 230 more; six answers of 400 tokens.
      maxInputTokens: 1080,
      maxOutputTokens: 2400,
    });
    // (510 · 0.003 + 180 · 0.015) / 1000 and (1080 · 0.003 + 2400 · 0.015) / 1000
    expect(e.expectedUsd).toBeCloseTo(0.00423, 15);
    expect(e.maxUsd).toBeCloseTo(0.03924, 15);
  });

  it('counts one ask per item at most when the judge asks only once, and says so', () => {
    const e = estimateJudge({ ...input, answerAttempts: 1 });
    expect(e).toMatchObject({ maxInputTokens: 510, maxOutputTokens: 1200, answerAttempts: 1 });
    // (510 · 0.003 + 1200 · 0.015) / 1000
    expect(e.maxUsd).toBeCloseTo(0.01953, 15);
    expect(judgeEstimateText(e).method).toContain(
      'every item asked once (an unreadable answer is not asked again)',
    );
  });

  it('counts three asks per item when the analyst allows three', () => {
    const e = estimateJudge({ ...input, answerAttempts: 3 });
    // 510 + 2 × (120 + 220 + 230) input; 9 answers at 400 tokens.
    expect(e).toMatchObject({ maxInputTokens: 1650, maxOutputTokens: 3600 });
  });

  it('says when failed items are asked again', () => {
    const e = estimateJudge({ ...input, failedCalls: 2, retryFailures: true });
    expect(judgeEstimateText(e).calls).toBe(
      'Before judging: 3 judge calls (1 score, 2 pairwise comparisons, 2 failed items asked again); 2 already judged are not asked again.',
    );
  });

  it('caps the expected answer at a low token limit', () => {
    const e = estimateJudge({ ...input, maxTokens: 50 });
    expect(e.expectedOutputTokens).toBe(150);
    expect(e.maxOutputTokens).toBe(300);
    // (510 · 0.003 + 150 · 0.015) / 1000
    expect(e.expectedUsd).toBeCloseTo(0.00378, 15);
  });

  it('has no dollar figures without a judge price, and says so', () => {
    const e = estimateJudge({ ...input, price: null });
    expect(e).toMatchObject({ expectedUsd: null, maxUsd: null, expectedInputTokens: 510 });
    const text = judgeEstimateText(e);
    expect(text.figures).toBe(
      'Expected 510 input + 180 output tokens · at most 1,080 input + 2,400 output tokens.',
    );
    expect(text.figures).not.toContain('$');
    expect(text.noPrice).toBe(
      'No judge price: enter its input and output $ / 1K tokens to see what judging would cost.',
    );
  });

  it('reads as the quality view shows it', () => {
    expect(judgeEstimateText(estimateJudge(input))).toEqual({
      calls:
        'Before judging: 3 judge calls (1 score, 2 pairwise comparisons); 2 already judged are not asked again.',
      figures:
        'Expected $0.00423 (510 input + 180 output tokens) · at most $0.03924 (1,080 input + 2,400 output tokens).',
      noPrice: null,
      method:
        'Input approximated (about 4 characters or 0.75 words per token); answers expected at about 60 tokens; “at most” counts every item asked 2 times (an unreadable answer is asked again), each answer at the 400-token limit. Judge cost is counted apart from the comparison’s.',
    });
    const one = estimateJudge({
      ...input,
      tokenizer: 'llama3',
      totalCalls: 1,
      pending: input.pending.slice(0, 1),
    });
    expect(judgeEstimateText(one).calls).toBe(
      'Before judging: 1 judge call (1 score, 0 pairwise comparisons).',
    );
    expect(judgeEstimateText(one).method).toMatch(/^Input counted with the Llama 3 tokenizer;/);
  });

  it('says when nothing is left to judge', () => {
    const done = estimateJudge({ ...input, pending: [] });
    expect(done).toMatchObject({ calls: 0, judgedCalls: 5, expectedUsd: 0, maxUsd: 0 });
    expect(judgeEstimateText(done)).toEqual({
      calls: 'Nothing left to judge with these settings: all 5 judge calls have a result.',
      figures: null,
      noPrice: null,
      method: null,
    });
    expect(judgeEstimateText(estimateJudge({ ...input, totalCalls: 0, pending: [] })).calls).toBe(
      'Nothing to judge yet: no model has a successful output.',
    );
  });
});
