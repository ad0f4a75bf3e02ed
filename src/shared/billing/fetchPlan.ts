/**
 * What a Cost Explorer fetch will cost before it is made. AWS charges $0.01 per API request
 * (docs/bedrock.md §9), paging included, so the app says how many it will make and never
 * fetches on its own. A fetch is one GetDimensionValues (the Bedrock service names), then
 * GetCostAndUsage: one query over every service, or, grouped by a cost allocation tag, one per
 * service (two group-bys are the limit: usage type and tag leave no room for the service).
 */
import { formatUsd } from '../format';

export const CE_REQUEST_USD = 0.01;

/** Longest range one fetch covers, so a mistyped year cannot page through months of data. */
export const MAX_RANGE_DAYS = 93;

export interface FetchPlan {
  /** Requests at least (one more per extra page of results). */
  requests: number;
  costUsd: number;
  text: string;
}

export function fetchPlan(options: {
  tagKey: string | null;
  /** Known Bedrock service names (from an earlier fetch), if any. */
  services: number | null;
}): FetchPlan {
  const queries = options.tagKey === null ? 1 : Math.max(1, options.services ?? 1);
  const requests = 1 + queries;
  const costUsd = requests * CE_REQUEST_USD;
  const perService =
    options.tagKey !== null && options.services === null ? ', plus one per Bedrock service' : '';
  return {
    requests,
    costUsd,
    text: `Fetching makes at least ${requests} Cost Explorer requests (${formatUsd(costUsd)} at ${formatUsd(CE_REQUEST_USD)} each${perService}); each extra page of results is one more.`,
  };
}

const DAY_MS = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Cost Explorer's End is exclusive; the app's ranges include their last day. */
export const dayAfter = (day: string): string => dayOf(dayMs(day) + DAY_MS);

export function daysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dayMs(from); t <= dayMs(to); t += DAY_MS) out.push(dayOf(t));
  return out;
}

/** Why a range cannot be fetched, naming the field, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (Number.isNaN(dayMs(from))) return `From "${from}" is not a date like 2026-12-07.`;
  if (Number.isNaN(dayMs(to))) return `To "${to}" is not a date like 2026-12-07.`;
  if (dayMs(to) < dayMs(from)) return `To (${to}) is before From (${from}).`;
  if ((dayMs(to) - dayMs(from)) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    return `The range spans more than ${MAX_RANGE_DAYS} days; pick a shorter one.`;
  }
  return null;
}
