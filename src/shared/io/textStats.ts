/**
 * Live counters for the paragraph editor. They are estimates for the analyst's eye only: every
 * cost and ROI figure uses the token counts Bedrock reports for real calls.
 */

/** Whitespace-separated runs. Scripts written without spaces (Chinese, Japanese, Thai) count low. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * Approximate token count: the mean of two rules of thumb for BPE tokenizers on English prose,
 * ~4 characters per token and ~1.33 tokens per word (0.75 words per token). Each fails in its own
 * direction (long words and URLs vs. many short words and punctuation), so the mean is steadier
 * than either. Text in scripts without spaces (CJK) is underestimated, often by 2x or more.
 * Returns 0 for blank text and at least 1 otherwise.
 */
export function estimateTokensApprox(text: string): number {
  const words = countWords(text);
  if (words === 0) return 0;
  const byChars = text.trim().length / 4;
  const byWords = words * 1.33;
  return Math.max(1, Math.round((byChars + byWords) / 2));
}
