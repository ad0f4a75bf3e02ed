/**
 * Reads the account's Bedrock quotas from Service Quotas and keeps the last read in settings
 * (key `batchQuotasRead`), so that planning offline uses what was last seen. Reading them is never
 * a reason for a batch to fail: a denial or a network fault leaves the last read (or AWS's
 * documented defaults) in force and says why.
 */
import type { Database } from 'better-sqlite3';
import { ListServiceQuotasCommand, type ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { AccountQuotaReadSchema, type AccountQuotaRead } from '../../shared/batch/accountQuotas';
import { readSetting, writeSetting } from '../db/repos/settings';
import { redactSecrets } from '../../shared/security/redactSecrets';

const SETTING = 'batchQuotasRead';

/** The last read kept in the store, or null when none was ever read. */
export const lastAccountQuotas = (db: Database): AccountQuotaRead | null =>
  readSetting<AccountQuotaRead | null>(db, SETTING, AccountQuotaReadSchema, null);

/** Every Bedrock quota's name and value in the account, all pages (ListServiceQuotas). */
export async function listBedrockQuotas(
  client: ServiceQuotasClient,
): Promise<{ name: string; value: number }[]> {
  const out: { name: string; value: number }[] = [];
  let token: string | undefined;
  // A service that kept returning the same token would otherwise page forever.
  const seen = new Set<string>();
  do {
    const page = await client.send(
      new ListServiceQuotasCommand({
        ServiceCode: 'bedrock',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const q of page.Quotas ?? []) {
      if (q.QuotaName !== undefined && q.Value !== undefined) {
        out.push({ name: q.QuotaName, value: q.Value });
      }
    }
    token = page.NextToken ?? undefined;
    if (token !== undefined && seen.has(token)) break;
    if (token !== undefined) seen.add(token);
  } while (token);
  return out;
}

/**
 * Why the quotas could not be read, naming the IAM action when it is a denial. AWS's message is
 * quoted masked: the note is stored with the batch setup and printed by `batch status`.
 */
export function describeQuotaReadError(
  e: unknown,
  last: AccountQuotaRead | null,
  /** What applies when nothing was ever read: "AWS's documented defaults apply", or the saved fallbacks. */
  fallbackApplies = "AWS's documented defaults apply",
): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const said = err.message === undefined ? undefined : redactSecrets(err.message);
  const fallback = last
    ? `the quotas last read on ${last.readAt.slice(0, 10)} apply`
    : fallbackApplies;
  if (err.name === 'AccessDeniedException') {
    return `Your account's batch quotas could not be read: the credentials need servicequotas:ListServiceQuotas. Until then ${fallback}.`;
  }
  if (err.$metadata?.httpStatusCode === undefined) {
    return `Service Quotas could not be reached to read your account's batch quotas (${said ?? 'no answer'}); ${fallback}.`;
  }
  return `Your account's batch quotas could not be read (${err.name ?? 'Error'}${said ? `: ${said}` : ''}); ${fallback}.`;
}

/**
 * Reads the account's quotas and stores them; on any failure keeps the last read. Returns what
 * planning should use and, when the read failed, why.
 */
export async function refreshAccountQuotas(
  db: Database,
  client: ServiceQuotasClient,
  now: () => Date = () => new Date(),
  /** What applies when nothing was ever read (see describeQuotaReadError). */
  fallbackApplies?: string,
): Promise<{ read: AccountQuotaRead | null; problem: string | null }> {
  try {
    const read: AccountQuotaRead = {
      readAt: now().toISOString(),
      quotas: await listBedrockQuotas(client),
    };
    writeSetting(db, SETTING, read);
    return { read, problem: null };
  } catch (e) {
    const last = lastAccountQuotas(db);
    return { read: last, problem: describeQuotaReadError(e, last, fallbackApplies) };
  }
}
