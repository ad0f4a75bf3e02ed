import { describe, expect, it } from 'vitest';
import type { BillFetch, BilledLine, SpendCall } from './billingSchemas';
import { computedLines } from './computedSpend';
import { daysIn, dayAfter, fetchPlan, rangeProblem } from './fetchPlan';
import { reconcile } from './reconcile';
import { readUsageType, regionOfUsageType } from './usageType';

const NOVA = 'amazon.nova-lite-v1:0';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const HAIKU_SERVICE = 'Claude 3 Haiku (Amazon Bedrock Edition)';

/** 1000 input and 500 output tokens at $0.001 / $0.004 per 1K: $0.001 + $0.002. */
const call = (day: string, modelId: string, extra: Partial<SpendCall> = {}): SpendCall => ({
  day,
  region: 'us-east-1',
  experimentId: 'exp-1',
  modelId,
  inputTokens: 1000,
  outputTokens: 500,
  costUsd: 0.003,
  inputUsdPer1k: 0.001,
  outputUsdPer1k: 0.004,
  tier: 'standard',
  viaProfile: false,
  ...extra,
});

const line = (
  day: string,
  usageType: string,
  costUsd: number,
  service = 'Amazon Bedrock',
  extra: Partial<BilledLine> = {},
): BilledLine => ({
  day,
  service,
  usageType,
  tagValue: null,
  costUsd,
  quantity: 0,
  estimated: false,
  ...extra,
});

const fetched = (lines: BilledLine[], extra: Partial<BillFetch> = {}): BillFetch => ({
  from: '2026-12-04',
  to: '2026-12-07',
  tagKey: null,
  services: ['Amazon Bedrock', HAIKU_SERVICE],
  days: [
    { day: '2026-12-04', estimated: false },
    { day: '2026-12-05', estimated: false },
    { day: '2026-12-06', estimated: true },
  ],
  lines,
  requests: 2,
  fetchedAt: '2026-12-07T05:00:00.000Z',
  ...extra,
});

describe('usage types', () => {
  it('reads region, model, direction and tier from first-party and Marketplace lines', () => {
    expect(readUsageType('Amazon Bedrock', 'USE1-NovaLite-input-tokens')).toMatchObject({
      region: 'us-east-1',
      key: 'novalite',
      direction: 'input',
      tier: 'standard',
    });
    expect(
      readUsageType('Amazon Bedrock', 'USW2-NovaPro-cache-read-input-token-count'),
    ).toMatchObject({ region: 'us-west-2', key: 'novapro', direction: 'cacheRead' });
    expect(
      readUsageType('Amazon Bedrock', 'USE1-Nova2.0Lite-output-tokens-priority'),
    ).toMatchObject({ direction: 'output', tier: 'priority' });
    expect(readUsageType(HAIKU_SERVICE, 'USE1-MP:USE1_OutputTokenCount-Units')).toMatchObject({
      region: 'us-east-1',
      modelName: 'Claude 3 Haiku',
      key: 'claude3haiku',
      direction: 'output',
    });
    expect(regionOfUsageType('XYZ9-Thing')).toBe('unknown');
  });
});

describe('computed spend', () => {
  it('splits each stored cost by direction with the shared cost function, summing to it', () => {
    const lines = computedLines([call('2026-12-04', NOVA, { costUsd: 0.0015 })]);
    // Batch-priced at half: the stored cost wins, the prices only give the split (1 : 2).
    expect(lines.map((l) => l.direction)).toEqual(['input', 'output']);
    expect(lines[0]?.costUsd).toBeCloseTo(0.0005, 12);
    expect(lines[1]?.costUsd).toBeCloseTo(0.001, 12);
    expect(lines[0]?.key).toBe('novalite');
  });
});

describe('reconcile', () => {
  it('matches per model, explains other usage, cache, tiers, estimated and unbilled days', () => {
    const calls = ['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].flatMap((d) => [
      call(d, NOVA),
      call(d, HAIKU),
    ]);
    const r = reconcile(
      fetched([
        line('2026-12-04', 'USE1-NovaLite-input-tokens', 0.001),
        line('2026-12-04', 'USE1-NovaLite-output-tokens', 0.002),
        // Another workload called Nova Lite on the 5th.
        line('2026-12-05', 'USE1-NovaLite-input-tokens', 0.501),
        line('2026-12-05', 'USE1-NovaLite-output-tokens', 0.002),
        line('2026-12-05', 'USE1-NovaLite-cache-read-input-token-count', 0.04),
        line('2026-12-06', 'USE1-NovaLite-input-tokens', 0.001, undefined, { estimated: true }),
        line('2026-12-06', 'USE1-NovaLite-output-tokens', 0.002, undefined, { estimated: true }),
        line('2026-12-06', 'USE1-NovaLite-output-tokens-priority', 0.3, undefined, {
          estimated: true,
        }),
        // Haiku billed a little under the app's figure on each day.
        ...['2026-12-04', '2026-12-05', '2026-12-06'].flatMap((d) => [
          line(d, 'USE1-MP:USE1_InputTokenCount-Units', 0.001, HAIKU_SERVICE),
          line(d, 'USE1-MP:USE1_OutputTokenCount-Units', 0.00199, HAIKU_SERVICE),
        ]),
        line('2026-12-05', 'USE1-TitanEmbeddingsV2-Text-input-tokens', 0.25),
      ]),
      calls,
    );
    const nova = r.models.find((m) => m.key === 'novalite');
    expect(nova?.computedUsd).toBeCloseTo(0.009, 9);
    expect(nova?.billedUsd).toBeCloseTo(0.849, 9);
    expect(nova?.directions.map((d) => d.direction)).toEqual(['input', 'output', 'cacheRead']);
    expect(nova?.explanations).toEqual([
      'Cache read/write tokens billed $0.04: the app records no cache tokens, so it computes none.',
      "$0.30 billed at the Priority tier; the app's calls were priced at Standard: other usage at that tier.",
      'Billed $0.50 more than computed on 2026-12-05: other calls to this model in the account those days (another workload, the console).',
      'Billing for 2026-12-06 is estimated and may still change.',
    ]);
    const haiku = r.models.find((m) => m.key === 'claude3haiku');
    expect(haiku?.name).toBe('Claude 3 Haiku');
    expect(haiku?.differenceUsd).toBeCloseTo(-0.00003, 9);
    expect(haiku?.explanations[0]).toBe('$0.00003 is rounding: AWS rounds fractions of a cent.');
    expect(r.otherUsage).toEqual([
      { name: 'TitanEmbeddingsV2-Text', region: 'us-east-1', billedUsd: 0.25 },
    ]);
    expect(r.notes).toEqual([
      'No billing data yet for 2026-12-07 (Cost Explorer lags about a day): the $0.006 computed that day is not compared.',
      'Billing for 2026-12-06 is estimated (not final); Refresh later for final figures.',
    ]);
    expect(r.latestBilledDay).toBe('2026-12-06');
    expect(r.totals.computedUsd).toBeCloseTo(0.018, 9);
  });

  it('says computed above billed, and equal when equal', () => {
    const r = reconcile(
      fetched([
        line('2026-12-04', 'USE1-NovaLite-input-tokens', 0.001),
        line('2026-12-04', 'USE1-NovaLite-output-tokens', 0.002),
      ]),
      [call('2026-12-04', NOVA), call('2026-12-05', HAIKU, { costUsd: 0.5 })],
    );
    expect(r.models.find((m) => m.key === 'novalite')?.explanations).toEqual([
      'Billed equals computed.',
    ]);
    expect(r.models.find((m) => m.key === 'claude3haiku')?.explanations).toEqual([
      "Computed $0.50 more than billed on 2026-12-05: the app's price is above what AWS charged, or some calls were not charged (credits, free tier).",
    ]);
  });

  it('sums billed spend per tag value against the experiment calls sent through its tagged profiles', () => {
    const r = reconcile(
      fetched(
        [
          line('2026-12-04', 'USE1-NovaLite-input-tokens', 0.001, undefined, { tagValue: 'exp-1' }),
          line('2026-12-04', 'USE1-NovaLite-output-tokens', 0.002, undefined, {
            tagValue: 'exp-1',
          }),
          line('2026-12-04', 'USE1-NovaLite-input-tokens', 0.7, undefined, { tagValue: '' }),
        ],
        { tagKey: 'distill-roi-experiment' },
      ),
      // The second call named the model itself: it is billed untagged, so not computed for the tag.
      [call('2026-12-04', NOVA, { viaProfile: true }), call('2026-12-04', NOVA)],
    );
    expect(r.tagged.map((t) => [t.tagValue, t.computedUsd === null])).toEqual([
      ['', true],
      ['exp-1', false],
    ]);
    expect(r.tagged[0]?.billedUsd).toBeCloseTo(0.7, 12);
    expect(r.tagged[1]?.billedUsd).toBeCloseTo(0.003, 12);
    expect(r.tagged[1]?.computedUsd).toBeCloseTo(0.003, 12);
    expect(r.notes).toContain(
      "$0.003 computed for experiment exp-1 named the model itself, not its tagged inference profile: AWS bills it untagged, so it is not in that experiment's tag figure.",
    );
  });
});

describe('fetch plan and ranges', () => {
  it('counts requests and their cost before fetching', () => {
    expect(fetchPlan({ tagKey: null, services: null })).toMatchObject({
      requests: 2,
      costUsd: 0.02,
    });
    expect(fetchPlan({ tagKey: 'k', services: 3 }).requests).toBe(4);
    expect(fetchPlan({ tagKey: 'k', services: null }).text).toContain(
      'plus one per Bedrock service',
    );
  });
  it('checks ranges, naming the field', () => {
    expect(rangeProblem('2026-12-04', '2026-12-01')).toBe(
      'To (2026-12-01) is before From (2026-12-04).',
    );
    expect(rangeProblem('2026-13-01', '2026-12-01')).toContain('From "2026-13-01"');
    expect(rangeProblem('2026-01-01', '2026-12-01')).toContain('more than 93 days');
    expect(rangeProblem('2026-12-01', '2026-12-03')).toBeNull();
    expect(daysIn('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
