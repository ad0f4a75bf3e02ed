import { ms, type Milliseconds } from '../units';
import { isPresent, mean, percentileOfSorted, presentValues, type MaybeNumber } from './statistics';

/**
 * Latency summaries. Fields are null when there is no sample, so a model whose every call
 * failed shows "—" instead of a made-up zero.
 */

export interface LatencySummary {
  readonly count: number;
  readonly mean: Milliseconds | null;
  readonly p50: Milliseconds | null;
  readonly p95: Milliseconds | null;
  readonly min: Milliseconds | null;
  readonly max: Milliseconds | null;
}

/** Summary of the present samples; null, undefined and NaN are skipped. */
export function summarizeLatencies(samples: readonly MaybeNumber[]): LatencySummary {
  const sorted = presentValues(samples).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { count: 0, mean: null, p50: null, p95: null, min: null, max: null };
  }
  return {
    count: sorted.length,
    mean: ms(mean(sorted)),
    p50: ms(percentileOfSorted(sorted, 50)),
    p95: ms(percentileOfSorted(sorted, 95)),
    min: ms(sorted[0] as number),
    max: ms(sorted[sorted.length - 1] as number),
  };
}

/**
 * Generation speed after the first token: outputTokens / ((e2e − ttft) / 1000). Time to first
 * token is excluded because it is dominated by queueing and prompt processing, not decoding.
 * Null when TTFT is unknown (non-streaming call) or the decode time is not positive, which
 * happens with a one-token answer or clock granularity, and would otherwise give Infinity.
 */
export function outputTokensPerSecond(
  outputTokens: MaybeNumber,
  e2eMs: MaybeNumber,
  ttftMs: MaybeNumber,
): number | null {
  if (!isPresent(outputTokens) || !isPresent(e2eMs) || !isPresent(ttftMs)) return null;
  const decodeMs = e2eMs - ttftMs;
  if (!(decodeMs > 0) || outputTokens < 0) return null;
  return outputTokens / (decodeMs / 1000);
}
