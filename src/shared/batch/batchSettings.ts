/**
 * The batch settings an analyst saves once (Settings › Batch inference): the service role and
 * the S3 location every batch experiment starts from, and the fallback quotas the planner uses
 * where the account's Service Quotas cannot be read. Each field is checked here, with a message
 * that names it, so the Settings form, the IPC contract and the store agree on what is valid.
 */
import { z } from 'zod';
import { formatNumber } from '../format';
import { hasNoNul } from '../domain/textRules';
import { DEFAULT_BATCH_QUOTAS, type BatchQuotas } from './quotas';
import { checkRoleArn, parseS3Location } from './s3Location';

export type QuotaKey = keyof BatchQuotas;

const GB = 1024 * 1024 * 1024;

/** Where the user saves them, for messages that send them there. */
export const BATCH_SETTINGS_PLACE = 'Settings › Batch inference';

/**
 * Each fallback quota as the form names it, in the unit it is typed in, and its bounds (within
 * BatchQuotasSchema's, so a saved quota always makes valid quotas).
 */
export const QUOTA_FIELDS: Record<
  QuotaKey,
  { label: string; unit: 'records' | 'GB'; min: number; max: number }
> = {
  minRecordsPerJob: { label: 'Minimum records per job', unit: 'records', min: 1, max: 1_000_000 },
  maxRecordsPerJob: { label: 'Records per job', unit: 'records', min: 1, max: 10_000_000 },
  maxRecordsPerFile: { label: 'Records per input file', unit: 'records', min: 1, max: 10_000_000 },
  // Bytes as stored, typed in GB (as Service Quotas states them), from 0.01 GB to 900 GB.
  maxFileBytes: { label: 'Input file size', unit: 'GB', min: Math.ceil(GB / 100), max: 900 * GB },
  maxJobBytes: { label: 'Job size', unit: 'GB', min: Math.ceil(GB / 100), max: 900 * GB },
};

export const QUOTA_KEYS = Object.keys(QUOTA_FIELDS) as QuotaKey[];

/** A quota's value in the unit the user reads: "50,000" records or "5 GB". */
export const quotaFigure = (key: QuotaKey, value: number): string =>
  QUOTA_FIELDS[key].unit === 'GB' ? `${formatNumber(value / GB)} GB` : formatNumber(value);

/** Why `value` cannot be this fallback quota, or null when it can. */
export function quotaProblem(key: QuotaKey, value: number): string | null {
  const f = QUOTA_FIELDS[key];
  if (f.unit === 'GB') {
    return Number.isInteger(value) && value >= f.min && value <= f.max
      ? null
      : `${f.label} must be from 0.01 GB to 900 GB, or left empty for AWS's documented default (${quotaFigure(key, DEFAULT_BATCH_QUOTAS[key])}).`;
  }
  return Number.isInteger(value) && value >= f.min && value <= f.max
    ? null
    : `${f.label} must be a whole number from ${formatNumber(f.min)} to ${formatNumber(f.max)}, or left empty for AWS's documented default (${quotaFigure(key, DEFAULT_BATCH_QUOTAS[key])}).`;
}

const quotaField = (key: QuotaKey) =>
  z
    .number({ error: `${QUOTA_FIELDS[key].label} must be a number, or empty.` })
    .superRefine((n, ctx) => {
      const problem = quotaProblem(key, n);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null);

/** The fallback quotas saved; null leaves a quota at AWS's documented default. */
export const SavedBatchQuotasSchema = z.strictObject({
  minRecordsPerJob: quotaField('minRecordsPerJob'),
  maxRecordsPerJob: quotaField('maxRecordsPerJob'),
  maxRecordsPerFile: quotaField('maxRecordsPerFile'),
  maxFileBytes: quotaField('maxFileBytes'),
  maxJobBytes: quotaField('maxJobBytes'),
});
export type SavedBatchQuotas = z.infer<typeof SavedBatchQuotasSchema>;

export const NO_SAVED_QUOTAS: SavedBatchQuotas = {
  minRecordsPerJob: null,
  maxRecordsPerJob: null,
  maxRecordsPerFile: null,
  maxFileBytes: null,
  maxJobBytes: null,
};

/**
 * An optional text setting: bounded, NFC, trimmed, without NUL; empty is null (not saved); a
 * value must pass `check`, which names the field.
 */
const textSetting = (label: string, max: number, check: (s: string) => string | null) =>
  z
    .string()
    .max(max, `${label} can have at most ${max} characters.`)
    .refine(hasNoNul, `${label} cannot contain a NUL character (U+0000).`)
    .transform((s) => s.normalize('NFC').trim())
    .superRefine((s, ctx) => {
      const problem = s === '' ? null : check(s);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** The fallback quotas in force: each saved one, else AWS's documented default. */
export function resolveFallbackQuotas(saved: SavedBatchQuotas): {
  quotas: BatchQuotas;
  /** The quotas the user saved (the others are AWS's documented defaults). */
  saved: QuotaKey[];
} {
  const quotas = { ...DEFAULT_BATCH_QUOTAS };
  const keys: QuotaKey[] = [];
  for (const k of QUOTA_KEYS) {
    const v = saved[k];
    if (v !== null) {
      quotas[k] = v;
      keys.push(k);
    }
  }
  return { quotas, saved: keys };
}

/** "5 GB" saved, or "5 GB, AWS's documented default" where it was left empty. */
const inForce = (key: QuotaKey, r: ReturnType<typeof resolveFallbackQuotas>): string =>
  r.saved.includes(key)
    ? quotaFigure(key, r.quotas[key])
    : `${quotaFigure(key, r.quotas[key])}, AWS's documented default`;

export const BatchSettingsSchema = z
  .strictObject({
    /** The IAM role Bedrock assumes to read the inputs and write the outputs. */
    roleArn: textSetting('Service role ARN', 2048, (s) => checkRoleArn(s, 'Service role ARN')),
    /** `s3://bucket/prefix` where each experiment's inputs and outputs go. */
    s3Uri: textSetting('S3 location', 1100, (s) => {
      const loc = parseS3Location(s, 'S3 location');
      return loc.ok ? null : loc.message;
    }),
    quotas: SavedBatchQuotasSchema.default(NO_SAVED_QUOTAS),
  })
  .superRefine((s, ctx) => {
    // Checked on the quotas in force, so a saved minimum above the default maximum is refused too.
    const r = resolveFallbackQuotas(s.quotas);
    const { quotas: q } = r;
    if (q.minRecordsPerJob > q.maxRecordsPerJob) {
      ctx.addIssue({
        code: 'custom',
        path: ['quotas', 'minRecordsPerJob'],
        message: `Minimum records per job (${inForce('minRecordsPerJob', r)}) cannot be above records per job (${inForce('maxRecordsPerJob', r)}).`,
      });
    }
    if (q.maxFileBytes > q.maxJobBytes) {
      ctx.addIssue({
        code: 'custom',
        path: ['quotas', 'maxFileBytes'],
        message: `Input file size (${inForce('maxFileBytes', r)}) cannot be above the job size (${inForce('maxJobBytes', r)}).`,
      });
    }
  });
export type BatchSettings = z.infer<typeof BatchSettingsSchema>;

export const DEFAULT_BATCH_SETTINGS: BatchSettings = {
  roleArn: null,
  s3Uri: null,
  quotas: NO_SAVED_QUOTAS,
};
