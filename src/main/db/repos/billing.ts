/**
 * The bill reconciliation's tables: the cache of Cost Explorer fetches (keyed by range and tag,
 * replaced only by an explicit Refresh), the app's own successful calls in a range of days, and
 * the application inference profiles made per experiment.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import {
  BillFetchSchema,
  type BillFetch,
  type SpendCall,
} from '../../../shared/billing/billingSchemas';
import { spendCallOf } from '../../../shared/billing/computedSpend';
import type { ModelPrice } from '../../../shared/domain/experiment';

export const billCacheKey = (from: string, to: string, tagKey: string | null): string =>
  `${from}|${to}|${tagKey ?? ''}`;

export function getBillFetch(
  db: Database,
  from: string,
  to: string,
  tagKey: string | null,
): BillFetch | null {
  const row = db
    .prepare('SELECT fetch_json FROM bill_fetches WHERE cache_key = ?')
    .get(billCacheKey(from, to, tagKey)) as { fetch_json: string } | undefined;
  if (!row) return null;
  try {
    const parsed = BillFetchSchema.safeParse(JSON.parse(row.fetch_json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveBillFetch(db: Database, f: BillFetch): void {
  db.prepare(
    `INSERT INTO bill_fetches (cache_key, from_day, to_day, tag_key, fetch_json, requests, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (cache_key) DO UPDATE SET fetch_json = excluded.fetch_json,
       requests = excluded.requests, fetched_at = excluded.fetched_at`,
  ).run(
    billCacheKey(f.from, f.to, f.tagKey),
    f.from,
    f.to,
    f.tagKey,
    JSON.stringify(f),
    f.requests,
    f.fetchedAt,
  );
}

interface CallRow {
  day: string;
  region: string;
  experiment_id: string;
  model_id: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  service_tier: string | null;
  via: 'on-demand' | 'batch';
  profile_arn: string | null;
  prices_json: string;
}

/** The app's successful, priced calls that finished on the days from..to (UTC). */
export function spendCalls(db: Database, from: string, to: string): SpendCall[] {
  const rows = db
    .prepare(
      `SELECT substr(r.finished_at, 1, 10) AS day, e.region, r.experiment_id, r.model_id,
              r.input_tokens, r.output_tokens, r.cost_usd, r.service_tier, r.via, r.profile_arn,
              e.prices_json
         FROM runs r JOIN experiments e ON e.id = r.experiment_id
        WHERE r.status = 'ok' AND r.cost_usd IS NOT NULL
          AND r.input_tokens IS NOT NULL AND r.output_tokens IS NOT NULL
          AND substr(r.finished_at, 1, 10) BETWEEN ? AND ?`,
    )
    .all(from, to) as CallRow[];
  const prices = new Map<string, ModelPrice[]>();
  return rows.map((r) => {
    let p = prices.get(r.experiment_id);
    if (!p) {
      p = JSON.parse(r.prices_json) as ModelPrice[];
      prices.set(r.experiment_id, p);
    }
    return spendCallOf({
      day: r.day,
      region: r.region,
      experimentId: r.experiment_id,
      modelId: r.model_id,
      inputTokens: r.input_tokens,
      outputTokens: r.output_tokens,
      costUsd: r.cost_usd,
      serviceTier: r.service_tier,
      via: r.via,
      viaProfile: r.profile_arn !== null,
      price: p.find((x) => x.modelId === r.model_id),
    });
  });
}

/** The first and last day (UTC) the app made a successful call, or null before any. */
export function callDayRange(db: Database): { from: string; to: string } | null {
  const r = db
    .prepare(
      `SELECT min(substr(finished_at, 1, 10)) AS from_day, max(substr(finished_at, 1, 10)) AS to_day
         FROM runs WHERE status = 'ok'`,
    )
    .get() as { from_day: string | null; to_day: string | null };
  return r.from_day && r.to_day ? { from: r.from_day, to: r.to_day } : null;
}

export interface ExperimentProfile {
  experimentId: string;
  modelId: string;
  region: string;
  tagKey: string;
  tagValue: string;
  clientRequestToken: string;
  profileArn: string | null;
  createdAt: string;
  /** The experiment's stored calls that were sent through this profile. */
  callsThrough: number;
}

interface ProfileRow {
  experiment_id: string;
  model_id: string;
  region: string;
  tag_key: string;
  tag_value: string;
  client_request_token: string;
  profile_arn: string | null;
  created_at: string;
  calls_through?: number;
}

const profileOf = (r: ProfileRow): ExperimentProfile => ({
  experimentId: r.experiment_id,
  modelId: r.model_id,
  region: r.region,
  tagKey: r.tag_key,
  tagValue: r.tag_value,
  clientRequestToken: r.client_request_token,
  profileArn: r.profile_arn,
  createdAt: r.created_at,
  callsThrough: r.calls_through ?? 0,
});

export function listExperimentProfiles(db: Database, experimentId: string): ExperimentProfile[] {
  return (
    db
      .prepare(
        `SELECT p.*, (SELECT COUNT(*) FROM runs r
                       WHERE r.experiment_id = p.experiment_id AND r.profile_arn = p.profile_arn
                     ) AS calls_through
           FROM experiment_profiles p WHERE p.experiment_id = ? ORDER BY p.model_id`,
      )
      .all(experimentId) as ProfileRow[]
  ).map(profileOf);
}

/** Stores the intent (and its token) before the call, so a retry reuses the same token. */
export function reserveExperimentProfile(
  db: Database,
  p: Omit<ExperimentProfile, 'callsThrough'>,
): ExperimentProfile {
  db.prepare(
    `INSERT OR IGNORE INTO experiment_profiles (experiment_id, model_id, region, tag_key, tag_value,
       client_request_token, profile_arn, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
  ).run(
    p.experimentId,
    p.modelId,
    p.region,
    p.tagKey,
    p.tagValue,
    p.clientRequestToken,
    p.createdAt,
  );
  const row = db
    .prepare('SELECT * FROM experiment_profiles WHERE experiment_id = ? AND model_id = ?')
    .get(p.experimentId, p.modelId) as ProfileRow;
  return profileOf(row);
}

export function setExperimentProfileArn(
  db: Database,
  experimentId: string,
  modelId: string,
  arn: string,
): void {
  db.prepare(
    'UPDATE experiment_profiles SET profile_arn = ? WHERE experiment_id = ? AND model_id = ?',
  ).run(arn, experimentId, modelId);
}

/**
 * The ARN of the experiment's created profile for a model in the region it runs in, or null.
 * A profile is regional: one made for another region (the experiment's region was changed
 * since) is not used. Prepared once per connection: the runner asks before every call.
 */
export function experimentProfileArn(
  db: Database,
  experimentId: string,
  modelId: string,
  region: string,
): string | null {
  const statement = prepared(
    db,
    `SELECT profile_arn FROM experiment_profiles
        WHERE experiment_id = ? AND model_id = ? AND region = ? AND profile_arn IS NOT NULL`,
  );
  const row = statement.get(experimentId, modelId, region) as { profile_arn: string } | undefined;
  return row?.profile_arn ?? null;
}
