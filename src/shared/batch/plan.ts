/**
 * Splits one model's records into jobs and each job's records into input files, within the
 * quotas. Parts are balanced (k parts of nearly equal size) rather than filled greedily, so that
 * no last part falls below the per-job minimum when the whole is above it.
 */
import type { BatchQuotas } from './quotas';

export interface PlannedFile {
  first: number;
  count: number;
  bytes: number;
}
export interface PlannedJob {
  first: number;
  count: number;
  bytes: number;
  files: PlannedFile[];
}

export type PlanResult =
  | { ok: true; jobs: PlannedJob[] }
  | { ok: false; reason: 'belowMinimum' | 'recordTooLarge'; message: string };

/** Sum of `bytes[first..first+count)`, through a prefix-sum array. */
const span = (prefix: number[], first: number, count: number): number =>
  (prefix[first + count] ?? 0) - (prefix[first] ?? 0);

/** Balanced split of [first, first+count) into the fewest parts within both limits. */
function split(
  prefix: number[],
  first: number,
  count: number,
  maxCount: number,
  maxBytes: number,
): PlannedFile[] {
  const total = span(prefix, first, count);
  let parts = Math.max(1, Math.ceil(count / maxCount), Math.ceil(total / maxBytes));
  for (;;) {
    const out: PlannedFile[] = [];
    let start = first;
    for (let i = 0; i < parts; i++) {
      const n = Math.floor(count / parts) + (i < count % parts ? 1 : 0);
      out.push({ first: start, count: n, bytes: span(prefix, start, n) });
      start += n;
    }
    if (out.every((p) => p.bytes <= maxBytes) || parts >= count) return out;
    parts++;
  }
}

/** `recordBytes[i]` is the size of record i's JSONL line, newline included. */
export function planModelJobs(
  recordBytes: readonly number[],
  q: BatchQuotas,
  modelId: string,
): PlanResult {
  const n = recordBytes.length;
  if (n < q.minRecordsPerJob) {
    return {
      ok: false,
      reason: 'belowMinimum',
      message: `${modelId}: ${n} records is below the batch minimum of ${q.minRecordsPerJob} per job; run this model on demand instead.`,
    };
  }
  let largest = 0;
  for (const b of recordBytes) if (b > largest) largest = b;
  if (largest > q.maxFileBytes) {
    return {
      ok: false,
      reason: 'recordTooLarge',
      message: `${modelId}: a record of ${largest} bytes exceeds the input file size limit of ${q.maxFileBytes} bytes.`,
    };
  }
  const prefix = [0];
  for (const b of recordBytes) prefix.push((prefix[prefix.length - 1] ?? 0) + b);
  const jobs = split(prefix, 0, n, q.maxRecordsPerJob, q.maxJobBytes).map((j) => ({
    ...j,
    files: split(prefix, j.first, j.count, q.maxRecordsPerFile, q.maxFileBytes),
  }));
  if (jobs.some((j) => j.count < q.minRecordsPerJob)) {
    return {
      ok: false,
      reason: 'belowMinimum',
      message: `${modelId}: ${n} records cannot be split into jobs of at least ${q.minRecordsPerJob} and at most ${q.maxRecordsPerJob} records; run it on demand instead or change the fallback quotas in Settings › Batch inference.`,
    };
  }
  return { ok: true, jobs };
}
