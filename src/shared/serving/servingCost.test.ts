import { describe, expect, it } from 'vitest';
import { CATALOG_ONLY } from '../pricing/priceBook';
import { usdPerHour } from '../units';
import { accruedUsd, provisionedUsdPerHour, servingCostText, servingOffer } from './servingCost';
import type { CustomModel } from './servingDomain';

const model = (baseModelId: string, region: string): CustomModel => ({
  modelArn: `arn:aws:bedrock:${region}:111122223333:custom-model/${baseModelId}/abcdefabcdef`,
  modelName: 'm',
  region,
  baseModelId,
  teacherModelId: null,
  status: 'Active',
  customizationType: 'DISTILLATION',
  createdAt: null,
  oneOffCostUsd: null,
  datasetId: null,
});

describe('servingOffer', () => {
  it('offers provisioned with every term and on-demand deployment for Nova Micro in us-east-1', () => {
    const o = servingOffer(model('amazon.nova-micro-v1:0', 'us-east-1'), CATALOG_ONLY);
    expect(o.options.map((x) => [x.kind, x.offered])).toEqual([
      ['provisioned', true],
      ['customModelOnDemand', true],
    ]);
    expect(o.options[0]?.terms).toEqual(['noCommitment', 'oneMonth', 'sixMonths']);
  });

  it('refuses on-demand deployment where AWS does not offer it, and says why', () => {
    const o = servingOffer(model('amazon.nova-micro-v1:0', 'eu-west-1'), CATALOG_ONLY);
    const od = o.options.find((x) => x.kind === 'customModelOnDemand');
    expect(od?.offered).toBe(false);
    expect(od?.reason).toContain('eu-west-1');
  });
});

describe('what a serving costs', () => {
  it('is units × the rate per unit per hour', () => {
    expect(provisionedUsdPerHour(3, 21.5)).toBe(64.5);
  });

  it('accrues by the started hour, at least one', () => {
    const rate = usdPerHour(20);
    expect(accruedUsd(rate, '2026-12-07T00:00:00Z', '2026-12-07T00:00:01Z')).toBe(20);
    expect(accruedUsd(rate, '2026-12-07T00:00:00Z', '2026-12-07T02:30:00Z')).toBe(60);
  });

  const pt = {
    kind: 'provisioned' as const,
    modelUnits: 2,
    term: 'noCommitment' as const,
    usdPerHourPerUnit: 20,
    inputUsdPer1k: null,
    outputUsdPer1k: null,
    acceptedAt: '2026-12-07T00:00:00Z',
    deletedAt: null,
  };

  it('says the hourly rate and what it has cost so far, or in all once deleted', () => {
    expect(servingCostText(pt, '2026-12-07T03:10:00Z')).toBe(
      '$40.00 per hour (2 × $20.00, no commitment); $160.00 so far.',
    );
    expect(
      servingCostText({ ...pt, deletedAt: '2026-12-07T01:00:00Z' }, '2026-12-08T00:00:00Z'),
    ).toBe('$40.00 per hour (2 × $20.00, no commitment); $40.00 in all.');
  });

  it('warns that a commitment bills its whole term', () => {
    expect(servingCostText({ ...pt, term: 'oneMonth' }, '2026-12-07T00:10:00Z')).toContain(
      'billed for its whole term',
    );
  });

  it('prices an on-demand deployment per token, with no hourly charge', () => {
    expect(
      servingCostText(
        { ...pt, kind: 'customModelOnDemand', inputUsdPer1k: 0.00005, outputUsdPer1k: 0.0002 },
        '2026-12-07T00:10:00Z',
      ),
    ).toContain('per 1,000 tokens; no hourly charge');
  });
});
