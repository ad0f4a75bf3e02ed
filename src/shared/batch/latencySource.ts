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
  if (batch === 0) return 'on-demand';
  return onDemand === 0 ? 'batch-only' : 'on-demand-only-of-mixed';
}

export const BATCH_LATENCY_TEXT = 'batch: no latency';
export const BATCH_LATENCY_NOTE =
  'Batch calls have no latency of their own; latency figures come from on-demand calls only.';
