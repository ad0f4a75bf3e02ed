import { z } from 'zod';
import { formatNumber } from '../format';
import { type BatchQuotas } from './quotas';

/**
 * The account's batch quotas as read from Service Quotas (`ListServiceQuotas`, service `bedrock`),
 * kept in settings so that planning offline uses the last read. AWS names each quota per model
 * ("Records per batch inference job for Nova Lite"), so only the names and values are kept.
 */
export const AccountQuotaReadSchema = z.strictObject({
  readAt: z.string(),
  quotas: z.array(z.strictObject({ name: z.string(), value: z.number() })),
});
export type AccountQuotaRead = z.infer<typeof AccountQuotaReadSchema>;

type QuotaKey = keyof BatchQuotas;

const GB = 1024 * 1024 * 1024;

/** Each quota's name in Service Quotas, before " for {Model}", and how its value becomes ours. */
const QUOTA_NAMES: readonly { key: QuotaKey; names: readonly string[]; scale: number }[] = [
  {
    key: 'minRecordsPerJob',
    names: ['Minimum number of records per batch inference job'],
    scale: 1,
  },
  { key: 'maxRecordsPerFile', names: ['Records per input file per batch inference job'], scale: 1 },
  { key: 'maxRecordsPerJob', names: ['Records per batch inference job'], scale: 1 },
  {
    key: 'maxFileBytes',
    names: ['Batch inference input file size (in GB)', 'Batch inference input file size'],
    scale: GB,
  },
  {
    key: 'maxJobBytes',
    names: ['Batch inference job size (in GB)', 'Batch inference job size'],
    scale: GB,
  },
];

/** One model's quotas for planning, and which of them came from the account. */
export const ModelQuotasSchema = z.strictObject({
  modelId: z.string(),
  quotas: z.strictObject({
    minRecordsPerJob: z.number().int().min(1),
    maxRecordsPerFile: z.number().int().min(1),
    maxRecordsPerJob: z.number().int().min(1),
    maxFileBytes: z.number().int().min(1),
    maxJobBytes: z.number().int().min(1),
  }),
  fromAccount: z.array(
    z.enum([
      'minRecordsPerJob',
      'maxRecordsPerFile',
      'maxRecordsPerJob',
      'maxFileBytes',
      'maxJobBytes',
    ]),
  ),
  /** When the account's quotas were read; null when none were (denied, offline, never). */
  readAt: z.string().nullable(),
});
export type ModelQuotas = z.infer<typeof ModelQuotasSchema>;

const squash = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A model's quotas: the account's value where a quota named for this model was read, else the
 * fallback (the documented defaults, or the settings). Names are compared without case or
 * extra spaces, since AWS's display names are the only link between a quota and a model.
 */
export function quotasForModel(
  modelId: string,
  modelName: string,
  read: AccountQuotaRead | null,
  fallback: BatchQuotas,
): ModelQuotas {
  const quotas: BatchQuotas = { ...fallback };
  const fromAccount: QuotaKey[] = [];
  const name = squash(modelName);
  // AWS may prefix the provider ("for Amazon Nova Lite") where the catalog says "Nova Lite".
  const isThisModel = (m: string): boolean =>
    m === name || m.endsWith(` ${name}`) || name.endsWith(` ${m}`);
  for (const q of QUOTA_NAMES) {
    const hit = read?.quotas.find((r) =>
      q.names.some((n) => {
        const prefix = `${squash(n)} for `;
        const full = squash(r.name);
        return full.startsWith(prefix) && isThisModel(full.slice(prefix.length));
      }),
    );
    if (hit && Number.isFinite(hit.value) && hit.value > 0) {
      quotas[q.key] = Math.round(hit.value * q.scale);
      fromAccount.push(q.key);
    }
  }
  return { modelId, quotas, fromAccount, readAt: read?.readAt ?? null };
}

const LABEL: Record<QuotaKey, string> = {
  minRecordsPerJob: 'minimum records per job',
  maxRecordsPerJob: 'records per job',
  maxRecordsPerFile: 'records per input file',
  maxFileBytes: 'input file size',
  maxJobBytes: 'job size',
};

const figure = (key: QuotaKey, value: number): string =>
  key === 'maxFileBytes' || key === 'maxJobBytes'
    ? `${formatNumber(value / GB)} GB`
    : formatNumber(value);

/**
 * Where each of a model's quotas came from, for the job panel and the CLI: "Nova Lite: records
 * per job 20,000 from your account (Service Quotas, read 2026-12-07); minimum records per job
 * 100, ... are AWS's documented defaults." `fallback` names what applies where none was read.
 */
export function describeModelQuotaSources(
  m: ModelQuotas,
  modelName: string,
  fallback: "AWS's documented defaults" | 'your settings',
): string {
  const keys = Object.keys(LABEL) as QuotaKey[];
  const account = keys.filter((k) => m.fromAccount.includes(k));
  const rest = keys.filter((k) => !m.fromAccount.includes(k));
  const list = (ks: QuotaKey[]) =>
    ks.map((k) => `${LABEL[k]} ${figure(k, m.quotas[k])}`).join(', ');
  const date = m.readAt ? m.readAt.slice(0, 10) : null;
  if (account.length === 0) {
    const why = date
      ? `your account's Service Quotas (read ${date}) list no batch quotas for this model`
      : "your account's Service Quotas have not been read";
    return `${modelName}: ${why}, so all quotas are ${fallback} (${list(rest)}).`;
  }
  const tail =
    rest.length === 0 ? '' : `; ${list(rest)} ${rest.length === 1 ? 'is' : 'are'} ${fallback}`;
  return `${modelName}: ${list(account)} from your account (Service Quotas, read ${date ?? 'unknown'})${tail}.`;
}
