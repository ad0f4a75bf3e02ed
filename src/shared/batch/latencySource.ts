/**
 * Where a model's latency figures come from. Batch calls have no latency of their own (a job
 * runs for hours), so their latency fields are null and summaries skip them; screens use this
 * to say "batch: no latency" instead of an empty or zero figure.
 */
export type LatencySource = 'on-demand' | 'batch-only' | 'on-demand-only-of-mixed';

export function latencySource(
  runs: readonly { modelId: string; status: string; via?: 'on-demand' | 'batch' | undefined }[],
  modelId: string,
): LatencySource {
  let batch = 0;
  let onDemand = 0;
  for (const r of runs) {
    if (r.modelId !== modelId || r.status !== 'ok') continue;
    if (r.via === 'batch') batch++;
    else onDemand++;
  }
  return latencySourceOfCounts(batch, onDemand);
}

/** The same, from counts of successful batch and on-demand calls (for stores of counts). */
export function latencySourceOfCounts(okBatch: number, okOnDemand: number): LatencySource {
  if (okBatch === 0) return 'on-demand';
  return okOnDemand === 0 ? 'batch-only' : 'on-demand-only-of-mixed';
}

/** Where the teacher's and the student's latency figures come from, for the verdict. */
export interface LatencyEvidence {
  teacher: LatencySource;
  student: LatencySource;
}

/**
 * The verdict's sentence on latency, null when every call ran on demand. The verdict weighs
 * cost and quality only; this says so where batch calls could make a missing latency look like
 * a measured one (a batch-only experiment has no latency evidence at all).
 */
export function latencyReason(
  l: LatencyEvidence,
  names: { teacher: string; student: string },
): string | null {
  const batchOnly = [
    ...(l.teacher === 'batch-only' ? [names.teacher] : []),
    ...(l.student === 'batch-only' ? [names.student] : []),
  ];
  if (batchOnly.length > 0) {
    const who = batchOnly.length === 2 ? 'Both models' : batchOnly[0];
    return `Latency: not measured. ${who} ran only as batch jobs, which report no latency or time to first token, so the verdict does not rest on latency; run on demand to measure it.`;
  }
  if (l.teacher === 'on-demand' && l.student === 'on-demand') return null;
  return 'Latency: from the on-demand calls only; batch calls report no latency or time to first token.';
}

export const BATCH_LATENCY_TEXT = 'batch: no latency';

/** A model made calls and every one of them in a batch job: it has no on-demand figure at all. */
export const noOnDemandCalls = (batchCalls: number, calls: number): boolean =>
  batchCalls > 0 && batchCalls === calls;

/**
 * A figure only on-demand calls make (latency, time to first token, throttled and retried
 * attempts, the time retries lost), as the screens and the CLI show it, from a model's calls and
 * how many of them were batch calls: with no on-demand call there is no such figure, so a time
 * says "batch: no latency" (or "—" before any call) and a count "—", never a zero.
 */
export function onDemandFigure(
  calls: { batch: number; all: number },
  kind: 'time' | 'count',
  figure: () => string,
): string {
  if (calls.all > calls.batch) return figure();
  return kind === 'time' && noOnDemandCalls(calls.batch, calls.all) ? BATCH_LATENCY_TEXT : '—';
}

export const BATCH_LATENCY_NOTE =
  'Batch calls have no latency of their own; latency figures come from on-demand calls only.';
