import { z } from 'zod';
import { formatNumber } from '../format';

/**
 * Batch inference quotas, per model in AWS (Service Quotas). Where they cannot be read, these
 * documented defaults apply and the user may change them in settings; docs/bedrock.md §8 notes that
 * AWS does not publish them in one place, so each is a setting rather than a constant.
 */
export const BatchQuotasSchema = z.strictObject({
  minRecordsPerJob: z.number().int().min(1).max(1_000_000),
  maxRecordsPerFile: z.number().int().min(1).max(10_000_000),
  maxRecordsPerJob: z.number().int().min(1).max(10_000_000),
  maxFileBytes: z.number().int().min(1_024).max(1_000_000_000_000),
  maxJobBytes: z.number().int().min(1_024).max(1_000_000_000_000),
});
export type BatchQuotas = z.infer<typeof BatchQuotasSchema>;

const GB = 1024 * 1024 * 1024;

export const DEFAULT_BATCH_QUOTAS: BatchQuotas = {
  minRecordsPerJob: 100,
  maxRecordsPerFile: 50_000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 1 * GB,
  maxJobBytes: 5 * GB,
};

export const sameQuotas = (a: BatchQuotas, b: BatchQuotas): boolean =>
  (Object.keys(a) as (keyof BatchQuotas)[]).every((k) => a[k] === b[k]);

const bytes = (n: number): string =>
  n % GB === 0 ? `${formatNumber(n / GB)} GB` : `${formatNumber(n)} bytes`;

/**
 * The quotas a batch setup used, for setups stored before the account's quotas were read per
 * model (see accountQuotas.ts): unless the settings say otherwise these are AWS's documented
 * defaults, and the user must know that their account's may differ.
 */
export function describeBatchQuotas(q: BatchQuotas): string {
  const figures = `at least ${formatNumber(q.minRecordsPerJob)} and at most ${formatNumber(q.maxRecordsPerJob)} records and ${bytes(q.maxJobBytes)} per job; at most ${formatNumber(q.maxRecordsPerFile)} records and ${bytes(q.maxFileBytes)} per input file`;
  return sameQuotas(q, DEFAULT_BATCH_QUOTAS)
    ? `Batch quotas: ${figures}. These are AWS's documented defaults, not read from your account; if your account's quotas differ, Bedrock refuses a job that exceeds them.`
    : `Batch quotas (from settings): ${figures}.`;
}

/** One model's jobs as planned: records per job, input files per job. */
export interface PlannedModelJobs {
  modelName: string;
  jobs: readonly { recordCount: number; files: number }[];
}

/**
 * Why a model went as several jobs or files, when it did: "Llama 3 8B: 100,000 records exceed
 * the 50,000 records per job, so they go as 2 jobs (50,000 + 50,000 records, 2 input files)."
 */
export function splitNote(m: PlannedModelJobs, q: BatchQuotas): string | null {
  const records = m.jobs.reduce((s, j) => s + j.recordCount, 0);
  const files = m.jobs.reduce((s, j) => s + j.files, 0);
  if (m.jobs.length === 1 && files === 1) return null;
  const limit =
    m.jobs.length > 1
      ? records > q.maxRecordsPerJob
        ? `exceed the ${formatNumber(q.maxRecordsPerJob)} records per job`
        : `exceed the ${bytes(q.maxJobBytes)} per job`
      : records > q.maxRecordsPerFile
        ? `exceed the ${formatNumber(q.maxRecordsPerFile)} records per input file`
        : `exceed the ${bytes(q.maxFileBytes)} per input file`;
  const parts = m.jobs.map((j) => formatNumber(j.recordCount)).join(' + ');
  const shape =
    m.jobs.length > 1
      ? `${formatNumber(m.jobs.length)} jobs (${parts} records, ${formatNumber(files)} input files)`
      : `${formatNumber(files)} input files in one job`;
  return `${m.modelName}: ${formatNumber(records)} records ${limit}, so they go as ${shape}.`;
}
