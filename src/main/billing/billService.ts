/**
 * Bill reconciliation as the handlers and the CLI call it. Cost Explorer is only asked when the
 * caller says so ('fetch' when nothing is cached for the range, 'refresh' to replace the cache);
 * 'cache' never sends a request. What is fetched is stored before it is shown, so a fetch is
 * paid for once.
 */
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { Database } from 'better-sqlite3';
import type { Reconciliation } from '../../shared/billing/billingSchemas';
import { fetchPlan, rangeProblem, type FetchPlan } from '../../shared/billing/fetchPlan';
import { reconcile } from '../../shared/billing/reconcile';
import { callDayRange, getBillFetch, saveBillFetch, spendCalls } from '../db/repos/billing';
import { AppFailure } from '../common/failure';
import { fetchBill } from './fetchBill';

export type BillMode = 'cache' | 'fetch' | 'refresh';

export interface BillRequest {
  from: string;
  to: string;
  tagKey: string | null;
}

export interface BillPlan {
  /** The days the app made calls (the default range), or null before any call. */
  callDays: { from: string; to: string } | null;
  cachedAt: string | null;
  plan: FetchPlan;
}

export interface BillAnswer {
  reconciliation: Reconciliation | null;
  /** Cost Explorer requests this answer made (0 when served from the cache). */
  requestsMade: number;
  plan: FetchPlan;
}

function check(r: BillRequest) {
  const problem = rangeProblem(r.from, r.to);
  if (problem) throw new AppFailure('invalid_input', problem);
}

export function planBill(db: Database, r: BillRequest): BillPlan {
  check(r);
  const cached = getBillFetch(db, r.from, r.to, r.tagKey);
  // An earlier fetch of any range says how many Bedrock services a tag query goes through.
  const known = cached ?? getBillFetch(db, r.from, r.to, null);
  return {
    callDays: callDayRange(db),
    cachedAt: cached?.fetchedAt ?? null,
    plan: fetchPlan({ tagKey: r.tagKey, services: known ? known.services.length : null }),
  };
}

export async function reconcileBill(
  db: Database,
  r: BillRequest,
  mode: BillMode,
  client: () => CostExplorerClient,
): Promise<BillAnswer> {
  const { plan } = planBill(db, r);
  let fetched = getBillFetch(db, r.from, r.to, r.tagKey);
  let requestsMade = 0;
  if (mode === 'refresh' || (mode === 'fetch' && !fetched)) {
    const c = client();
    try {
      fetched = await fetchBill(c, r);
    } finally {
      c.destroy();
    }
    requestsMade = fetched.requests;
    saveBillFetch(db, fetched);
  }
  return {
    reconciliation: fetched ? reconcile(fetched, spendCalls(db, r.from, r.to)) : null,
    requestsMade,
    plan,
  };
}
