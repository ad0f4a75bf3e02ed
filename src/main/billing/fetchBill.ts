/**
 * Reads what AWS billed for Bedrock over a range of days: GetDimensionValues (SERVICE, search
 * "Bedrock") finds Amazon Bedrock and the Marketplace-billed model services ("Claude 3 Haiku
 * (Amazon Bedrock Edition)"); GetCostAndUsage then reads them DAILY (UnblendedCost and
 * UsageQuantity), grouped by service and usage type, or, when a cost allocation tag is asked
 * for, one query per service grouped by usage type and tag. Every page is followed. Requests are
 * counted as they are sent: each one is billed.
 */
import {
  GetCostAndUsageCommand,
  GetDimensionValuesCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandOutput,
  type GroupDefinition,
} from '@aws-sdk/client-cost-explorer';
import type { BilledDay, BilledLine, BillFetch } from '../../shared/billing/billingSchemas';
import { dayAfter } from '../../shared/billing/fetchPlan';
import { costExplorerFailure } from './billingErrors';

/** A runaway NextPageToken cannot loop (and bill) forever. */
const MAX_PAGES = 50;

export interface BillQuery {
  from: string;
  to: string;
  tagKey: string | null;
}

/** Sends page after page while Cost Explorer returns a NextPageToken, counting each request. */
async function eachPage<T extends { NextPageToken?: string | undefined }>(
  action: string,
  count: () => void,
  send: (token: string | undefined) => Promise<T>,
  onPage: (r: T) => void,
): Promise<void> {
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    count();
    const r = await send(token).catch((e: unknown) => {
      throw costExplorerFailure(e, action);
    });
    onPage(r);
    token = r.NextPageToken;
    if (!token) return;
  }
}

async function bedrockServices(
  client: CostExplorerClient,
  q: BillQuery,
  count: () => void,
): Promise<string[]> {
  const out: string[] = [];
  await eachPage(
    'GetDimensionValues',
    count,
    (token) =>
      client.send(
        new GetDimensionValuesCommand({
          TimePeriod: { Start: q.from, End: dayAfter(q.to) },
          Dimension: 'SERVICE',
          SearchString: 'Bedrock',
          Context: 'COST_AND_USAGE',
          ...(token ? { NextPageToken: token } : {}),
        }),
      ),
    (r) => out.push(...(r.DimensionValues ?? []).flatMap((v) => (v.Value ? [v.Value] : []))),
  );
  return [...new Set(out)].sort();
}

function readPage(
  r: GetCostAndUsageCommandOutput,
  groups: GroupDefinition[],
  fixedService: string | null,
  lines: BilledLine[],
  days: Map<string, { estimated: boolean; hasLines: boolean }>,
) {
  const at = (key: string, type = 'DIMENSION') =>
    groups.findIndex((g) => g.Type === type && (type === 'TAG' || g.Key === key));
  const serviceAt = at('SERVICE');
  const usageAt = at('USAGE_TYPE');
  const tagAt = at('', 'TAG');
  for (const period of r.ResultsByTime ?? []) {
    const day = period.TimePeriod?.Start?.slice(0, 10);
    if (!day) continue;
    const estimated = period.Estimated === true;
    const seen = days.get(day) ?? { estimated: false, hasLines: false };
    seen.estimated ||= estimated;
    for (const g of period.Groups ?? []) {
      const keys = g.Keys ?? [];
      const tagKey = tagAt >= 0 ? (keys[tagAt] ?? '') : null;
      seen.hasLines = true;
      lines.push({
        day,
        service: (serviceAt >= 0 ? keys[serviceAt] : fixedService) ?? '',
        usageType: keys[usageAt] ?? '',
        // Tag groups come back as "<TagKey>$<value>"; untagged spend as "<TagKey>$".
        tagValue: tagKey === null ? null : tagKey.slice(tagKey.indexOf('$') + 1),
        costUsd: Number(g.Metrics?.UnblendedCost?.Amount ?? 0) || 0,
        quantity: Number(g.Metrics?.UsageQuantity?.Amount ?? 0) || 0,
        estimated,
      });
    }
    days.set(day, seen);
  }
}

export async function fetchBill(
  client: CostExplorerClient,
  q: BillQuery,
  now: () => string = () => new Date().toISOString(),
): Promise<BillFetch> {
  let requests = 0;
  const count = () => void requests++;
  const services = await bedrockServices(client, q, count);
  const lines: BilledLine[] = [];
  const days = new Map<string, { estimated: boolean; hasLines: boolean }>();
  const groupBy: GroupDefinition[] =
    q.tagKey === null
      ? [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ]
      : [
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
          { Type: 'TAG', Key: q.tagKey },
        ];
  const queries =
    services.length === 0 ? [] : q.tagKey === null ? [services] : services.map((s) => [s]);
  for (const filter of queries) {
    await eachPage(
      'GetCostAndUsage',
      count,
      (token) =>
        client.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: q.from, End: dayAfter(q.to) },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost', 'UsageQuantity'],
            Filter: { Dimensions: { Key: 'SERVICE', Values: filter, MatchOptions: ['EQUALS'] } },
            GroupBy: groupBy,
            ...(token ? { NextPageToken: token } : {}),
          }),
        ),
      (r) =>
        readPage(
          r,
          r.GroupDefinitions ?? groupBy,
          filter.length === 1 ? (filter[0] ?? null) : null,
          lines,
          days,
        ),
    );
  }
  // A day still estimated with nothing on it is one Cost Explorer has not filled in yet (its
  // data lags about a day), not a day without spend.
  const billedDays: BilledDay[] = [...days.entries()]
    .filter(([, d]) => d.hasLines || !d.estimated)
    .map(([day, d]) => ({ day, estimated: d.estimated }))
    .sort((a, b) => a.day.localeCompare(b.day));
  return {
    from: q.from,
    to: q.to,
    tagKey: q.tagKey,
    services,
    days: billedDays,
    lines,
    requests,
    fetchedAt: now(),
  };
}
