/**
 * A loopback stand-in for Cost Explorer (docs/bedrock.md §2, §9): awsJson 1.1, `POST /` with
 * `X-Amz-Target: AWSInsightsIndexService.<Operation>`, errors as `{"__type","Message"}` with
 * status 400. GetDimensionValues lists the SERVICE values matching SearchString;
 * GetCostAndUsage answers DAILY periods (End exclusive) filtered by SERVICE, grouped by up to two
 * of SERVICE, USAGE_TYPE and a TAG (keys `<TagKey>$<value>`), `pageSize` groups a page with
 * NextPageToken. Data lags as AWS's does: a day on or after `today` comes back Estimated and
 * empty, the day before Estimated. Every request is counted, so a test can prove a cache hit
 * made none. A test tool.
 */
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, readBody, sendJson } from './loopbackServer';

export interface StandInUsage {
  day: string;
  service: string;
  usageType: string;
  costUsd: number;
  quantity: number;
  /** Cost allocation tag values on this usage (absent: untagged). */
  tags?: Record<string, string>;
}

export interface CostExplorerStandIn {
  readonly url: string;
  /** `X-Amz-Target` of every request received, in order. */
  readonly targets: string[];
  /** Request bodies received, in order. */
  readonly bodies: Record<string, unknown>[];
  setUsage(usage: StandInUsage[]): void;
  /** Every following request answers this error (e.g. 'AccessDeniedException'); null clears. */
  failWith(type: string | null, onTarget?: string): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, value: unknown) =>
  sendJson(res, status, value, 'application/x-amz-json-1.1', {
    'x-amzn-requestid': `ce-${Date.now()}`,
  });

const DAY_MS = 86_400_000;
const addDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

interface Group {
  Type: string;
  Key: string;
}
interface CostQuery {
  TimePeriod?: { Start?: string; End?: string };
  Granularity?: string;
  Metrics?: string[];
  Filter?: { Dimensions?: { Key?: string; Values?: string[] } };
  GroupBy?: Group[];
  NextPageToken?: string;
}

const money = (n: number) => ({ Amount: String(n), Unit: 'USD' });

function groupKey(u: StandInUsage, g: Group): string {
  if (g.Type === 'TAG') return `${g.Key}$${u.tags?.[g.Key] ?? ''}`;
  return g.Key === 'SERVICE' ? u.service : u.usageType;
}

function costAndUsage(q: CostQuery, usage: StandInUsage[], today: string, pageSize: number) {
  const start = q.TimePeriod?.Start ?? '';
  const end = q.TimePeriod?.End ?? '';
  const groups = q.GroupBy ?? [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end <= start) {
    return { error: 'ValidationException', message: 'Start date must be before End date' };
  }
  if (q.Granularity !== 'DAILY' && q.Granularity !== 'MONTHLY') {
    return { error: 'ValidationException', message: 'Granularity is required' };
  }
  if (groups.length > 2) {
    return { error: 'ValidationException', message: 'GroupBy can have at most 2 entries' };
  }
  const services = q.Filter?.Dimensions?.Key === 'SERVICE' ? q.Filter.Dimensions.Values : null;
  // Each (day, group) is one entry; a page holds `pageSize` of them, across days as AWS pages.
  const entries: { day: string; keys: string[]; cost: number; qty: number }[] = [];
  const days: string[] = [];
  for (let d = start; d < end; d = addDay(d)) {
    days.push(d);
    if (d >= today) continue;
    const byKey = new Map<string, { keys: string[]; cost: number; qty: number }>();
    for (const u of usage.filter((x) => x.day === d)) {
      if (services && !services.includes(u.service)) continue;
      const keys = groups.map((g) => groupKey(u, g));
      const e = byKey.get(keys.join('\u0000')) ?? { keys, cost: 0, qty: 0 };
      e.cost += u.costUsd;
      e.qty += u.quantity;
      byKey.set(keys.join('\u0000'), e);
    }
    for (const e of byKey.values()) entries.push({ day: d, ...e });
  }
  const from = q.NextPageToken ? Number(q.NextPageToken.replace('page-', '')) : 0;
  if (!Number.isInteger(from) || from < 0 || from > entries.length) {
    return { error: 'InvalidNextTokenException', message: 'The token is not valid' };
  }
  const page = entries.slice(from, from + pageSize);
  const next = from + pageSize < entries.length ? `page-${from + pageSize}` : undefined;
  const pageDays = from === 0 ? days : [...new Set(page.map((e) => e.day))];
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return {
    value: {
      GroupDefinitions: groups,
      ResultsByTime: pageDays.map((day) => ({
        TimePeriod: { Start: day, End: addDay(day) },
        Total: {},
        Groups: page
          .filter((e) => e.day === day)
          .map((e) => ({
            Keys: e.keys,
            Metrics: {
              UnblendedCost: money(e.cost),
              UsageQuantity: { Amount: String(e.qty), Unit: 'N/A' },
            },
          })),
        Estimated: day >= yesterday,
      })),
      DimensionValueAttributes: [],
      ...(next ? { NextPageToken: next } : {}),
    },
  };
}

export async function startCostExplorerStandIn(options: {
  /** The stand-in's "today" (YYYY-MM-DD): no data from it on, the day before estimated. */
  today: string;
  pageSize?: number;
}): Promise<CostExplorerStandIn> {
  let usage: StandInUsage[] = [];
  let failure: { type: string; onTarget: string | undefined } | null = null;
  const targets: string[] = [];
  const bodies: Record<string, unknown>[] = [];
  const pageSize = options.pageSize ?? 3;

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      targets.push(target);
      const input = JSON.parse(raw || '{}') as Record<string, unknown>;
      bodies.push(input);
      if (req.headers['content-type'] !== 'application/x-amz-json-1.1') {
        return send(res, 400, { __type: 'SerializationException', Message: 'Bad content type' });
      }
      if (failure && (!failure.onTarget || target.endsWith(failure.onTarget))) {
        const action = target.split('.')[1] ?? '';
        return send(res, 400, {
          __type: `com.amazonaws.awsinsightsindexservice#${failure.type}`,
          Message: `User: arn:aws:iam::111122223333:user/analyst is not authorized to perform: ce:${action} on resource: arn:aws:ce:us-east-1:111122223333:/${action}`,
        });
      }
      if (target === 'AWSInsightsIndexService.GetDimensionValues') {
        const search = String(input.SearchString ?? '').toLowerCase();
        const values = [...new Set(usage.map((u) => u.service))]
          .filter((s) => s.toLowerCase().includes(search))
          .sort();
        return send(res, 200, {
          DimensionValues: values.map((Value) => ({ Value, Attributes: {} })),
          ReturnSize: values.length,
          TotalSize: values.length,
        });
      }
      if (target === 'AWSInsightsIndexService.GetCostAndUsage') {
        const r = costAndUsage(input as CostQuery, usage, options.today, pageSize);
        if ('error' in r) return send(res, 400, { __type: r.error, Message: r.message });
        return send(res, 200, r.value);
      }
      return send(res, 400, { __type: 'UnknownOperationException', Message: target });
    });
  });
  const port = await listenOnLoopback(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    bodies,
    setUsage: (u) => {
      usage = u;
    },
    failWith: (type, onTarget) => {
      failure = type === null ? null : { type, onTarget };
    },
    close: () => closeServer(server),
  };
}
