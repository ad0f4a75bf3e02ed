import { z } from 'zod';
import { type BatchQuotas } from './quotas';
import { quotaFigure, type QuotaKey } from './batchSettings';

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

const QuotaKeySchema = z.enum([
  'minRecordsPerJob',
  'maxRecordsPerFile',
  'maxRecordsPerJob',
  'maxFileBytes',
  'maxJobBytes',
]);

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
  fromAccount: z.array(QuotaKeySchema),
  /**
   * Of the others, those the user saved as fallbacks (the rest are AWS's documented defaults).
   * Absent in setups stored before the fallbacks could be saved one by one.
   */
  fromSettings: z.array(QuotaKeySchema).optional(),
  /** When the account's quotas were read; null when none were (denied, offline, never). */
  readAt: z.string().nullable(),
});
export type ModelQuotas = z.infer<typeof ModelQuotasSchema>;

const squash = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A model's quotas: the account's value where a quota named for this model was read, else the
 * fallback (the documented defaults, or the ones saved in settings: `saved` names those).
 * Names are compared without case or extra spaces, since AWS's display names are the only link
 * between a quota and a model.
 */
export function quotasForModel(
  modelId: string,
  modelName: string,
  read: AccountQuotaRead | null,
  fallback: BatchQuotas,
  saved?: readonly QuotaKey[],
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
  return {
    modelId,
    quotas,
    fromAccount,
    ...(saved ? { fromSettings: saved.filter((k) => !fromAccount.includes(k)) } : {}),
    readAt: read?.readAt ?? null,
  };
}

const LABEL: Record<QuotaKey, string> = {
  minRecordsPerJob: 'minimum records per job',
  maxRecordsPerJob: 'records per job',
  maxRecordsPerFile: 'records per input file',
  maxFileBytes: 'input file size',
  maxJobBytes: 'job size',
};

const SAVED = 'your saved fallback';
const DOCUMENTED = "AWS's documented defaults";

type Fallback = typeof DOCUMENTED | 'your settings';
const KEYS = Object.keys(LABEL) as QuotaKey[];
type Source = 'account' | 'saved' | 'rest';
const sourceOf = (m: ModelQuotas, k: QuotaKey): Source =>
  m.fromAccount.includes(k) ? 'account' : m.fromSettings?.includes(k) ? 'saved' : 'rest';

/**
 * Why none of a model's quotas came from the account, or null when some did. `explained`: the
 * note that the account could not be read is shown already, so "not read" goes without saying.
 */
function whyNone(m: ModelQuotas, models: 1 | 'several', explained: boolean): string | null {
  if (m.fromAccount.length > 0) return null;
  if (m.readAt === null) return explained ? '' : "your account's Service Quotas have not been read";
  const these = models === 1 ? 'this model' : 'these models';
  return `your account's Service Quotas (read ${m.readAt.slice(0, 10)}) list no batch quotas for ${these}`;
}

/**
 * `who`: where `keys` of `m`'s quotas came from, one sentence. `why` (from whyNone) opens it
 * when none came from the account; `all`: the keys are every quota, so "all quotas are …" may
 * say it shortly.
 */
function describeKeys(
  m: ModelQuotas,
  who: string,
  keys: readonly QuotaKey[],
  fallback: Fallback,
  why: string | null,
  all: boolean,
): string {
  const account = keys.filter((k) => sourceOf(m, k) === 'account');
  const saved = keys.filter((k) => sourceOf(m, k) === 'saved');
  const rest = keys.filter((k) => sourceOf(m, k) === 'rest');
  const restAre = m.fromSettings ? DOCUMENTED : fallback;
  const list = (ks: QuotaKey[]) =>
    ks.map((k) => `${LABEL[k]} ${quotaFigure(k, m.quotas[k])}`).join(', ');
  const verb = (ks: QuotaKey[]) => (ks.length === 1 ? 'is' : 'are');
  // "records per input file 50,000 is AWS's documented default"
  const restIs = (ks: QuotaKey[]) =>
    `${verb(ks)} ${ks.length === 1 && restAre === DOCUMENTED ? "AWS's documented default" : restAre}`;
  if (why !== null) {
    const so = why === '' ? '' : `${why}, so `;
    if (keys.length === 0) return `${who}: ${why}.`;
    if (all && saved.length === 0) return `${who}: ${so}all quotas are ${restAre} (${list(rest)}).`;
    if (all && rest.length === 0) return `${who}: ${so}all quotas are ${SAVED} (${list(saved)}).`;
    const parts = [
      ...(saved.length > 0 ? [`${list(saved)} ${verb(saved)} ${SAVED}`] : []),
      ...(rest.length > 0 ? [`${list(rest)} ${restIs(rest)}`] : []),
    ];
    return `${who}: ${so}${parts.join(' and ')}.`;
  }
  const date = m.readAt ? m.readAt.slice(0, 10) : null;
  const parts = [
    ...(account.length > 0
      ? [`${list(account)} from your account (Service Quotas, read ${date ?? 'unknown'})`]
      : []),
    ...(saved.length > 0 ? [`${list(saved)} ${verb(saved)} ${SAVED}`] : []),
    ...(rest.length > 0 ? [`${list(rest)} ${restIs(rest)}`] : []),
  ];
  return `${who}: ${parts.join('; ')}.`;
}

/**
 * Where each of a setup's models' quotas came from, for the job panel and the CLI: "Nova Lite:
 * records per job 20,000 from your account (Service Quotas, read 2026-12-07); minimum records
 * per job 50 is your saved fallback; ... are AWS's documented defaults." What the models share
 * is said once ("Both models: …"), then only what differs, per model: the same five quotas
 * repeated per model buried the difference. `fallback` names what applies where none was read,
 * for setups that do not say which quotas the user saved.
 * `unreadExplained`: a note already says why the account's quotas could not be read.
 */
export function describeQuotaSources(
  models: readonly { m: ModelQuotas; name: string }[],
  fallback: Fallback,
  unreadExplained = false,
): string[] {
  const [first] = models;
  if (!first || models.length === 1)
    return models.map(({ m, name }) =>
      describeKeys(m, name, KEYS, fallback, whyNone(m, 1, unreadExplained), true),
    );
  const fact = (m: ModelQuotas, k: QuotaKey) =>
    `${sourceOf(m, k)} ${m.quotas[k]} ${sourceOf(m, k) === 'account' ? m.readAt : ''}`;
  const common = KEYS.filter((k) => models.every(({ m }) => fact(m, k) === fact(first.m, k)));
  const whys = models.map(({ m }) => whyNone(m, 'several', unreadExplained));
  const sharedWhy = whys.every((w) => w === whys[0]) ? (whys[0] ?? null) : undefined;
  const who = models.length === 2 ? 'Both models' : `All ${models.length} models`;
  const lines =
    common.length > 0
      ? [
          describeKeys(
            first.m,
            who,
            common,
            fallback,
            sharedWhy ?? null,
            common.length === KEYS.length,
          ),
        ]
      : [];
  const differ = KEYS.filter((k) => !common.includes(k));
  for (const { m, name } of models) {
    const why = sharedWhy === undefined ? whyNone(m, 1, unreadExplained) : null;
    if (differ.length > 0 || why) lines.push(describeKeys(m, name, differ, fallback, why, false));
  }
  return lines;
}
