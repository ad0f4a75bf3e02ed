import { z } from 'zod';

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
