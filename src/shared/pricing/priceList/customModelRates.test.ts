import { describe, expect, it } from 'vitest';
import { customModelRates } from './customModelRates';
import type { PriceRow } from './priceRow';
import type { PriceSnapshot } from './priceSnapshot';

const row = (kind: PriceRow['kind'], direction: 'input' | 'output', usd: number): PriceRow => ({
  offerCode: 'AmazonBedrock',
  sku: `${kind}${direction}`,
  usagetype: `USE1-NovaMicro-${direction}-tokens${kind === 'customModelTokens' ? '-custom-model' : ''}`,
  region: 'us-east-1',
  modelName: 'Nova Micro',
  kind,
  tier: 'standard',
  scope: 'regional',
  direction,
  term: null,
  usd,
  per: '1K tokens',
  rawUnit: '1K tokens',
  rawUsd: String(usd),
});

const snapshot = (rows: PriceRow[]): PriceSnapshot => ({
  id: 1,
  region: 'us-east-1',
  publicationDate: '2026-11-01T00:00:00Z',
  fetchedAt: '2026-12-07T00:00:00Z',
  source: 'AWS Price List (bulk offer files)',
  offers: [],
  rows,
  problems: [],
});
const NAMES = [{ modelId: 'amazon.nova-micro-v1:0', modelName: 'Nova Micro' }];

describe('customModelRates', () => {
  it('reads the custom-model per-token rows, not the base model price', () => {
    const s = snapshot([
      row('tokens', 'input', 0.000035),
      row('tokens', 'output', 0.00014),
      row('customModelTokens', 'input', 0.00005),
      row('customModelTokens', 'output', 0.0002),
    ]);
    expect(customModelRates(s, 'amazon.nova-micro-v1:0', NAMES)).toEqual({
      inputUsdPer1k: 0.00005,
      outputUsdPer1k: 0.0002,
    });
  });

  it('is null when a direction is missing: never half a price', () => {
    const s = snapshot([row('tokens', 'input', 0.000035), row('customModelTokens', 'input', 0.1)]);
    expect(customModelRates(s, 'amazon.nova-micro-v1:0', NAMES)).toBeNull();
  });
});
