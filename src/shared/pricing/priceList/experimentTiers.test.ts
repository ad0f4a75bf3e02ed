import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '../../domain/experiment';
import { PRICE_CATALOG } from '../priceCatalog';
import { findPrice } from '../findPrice';
import { applyServiceTiers, tiersOffered } from './experimentTiers';
import type { PriceRow } from './priceRow';
import type { PriceSnapshot } from './priceSnapshot';
import { snapshotCatalog, withSnapshotCatalogs } from './snapshotPrices';

const row = (tier: PriceRow['tier'], direction: 'input' | 'output', usd: number): PriceRow => ({
  offerCode: 'AmazonBedrock',
  sku: `${tier}${direction}`,
  usagetype: `USE1-NovaPro-${direction}-tokens-${tier}`,
  region: 'us-east-1',
  modelName: 'Nova Pro',
  kind: 'tokens',
  tier,
  scope: 'regional',
  direction,
  term: null,
  usd,
  per: '1K tokens',
  rawUnit: '1K tokens',
  rawUsd: String(usd),
});

const SNAPSHOT: PriceSnapshot = {
  id: 1,
  region: 'us-east-1',
  publicationDate: '2026-11-01T00:00:00Z',
  fetchedAt: '2026-12-07T00:00:00Z',
  source: 'AWS Price List (bulk offer files)',
  offers: [
    {
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-11-01T00:00:00Z',
      version: '',
      source: 'x',
      rows: 6,
    },
  ],
  rows: [
    row('standard', 'input', 0.0007),
    row('standard', 'output', 0.0028),
    row('flex', 'input', 0.00035),
    row('flex', 'output', 0.0014),
    row('batch', 'input', 0.00035),
    row('batch', 'output', 0.0014),
  ],
  problems: [],
};
const NAMES = [{ modelId: 'amazon.nova-pro-v1:0', modelName: 'Nova Pro' }];
const base: ModelPrice = {
  modelId: 'amazon.nova-pro-v1:0',
  inputUsdPer1k: 0.0007,
  outputUsdPer1k: 0.0028,
  source: 's',
  asOf: '2026-11-01',
  overridden: false,
};

describe('service tiers in experiment prices', () => {
  it('offers Standard and the tiers the Price List prices (batch is not a request tier)', () => {
    expect(tiersOffered(SNAPSHOT, 'amazon.nova-pro-v1:0', NAMES)).toEqual(['default', 'flex']);
    expect(tiersOffered(null, 'amazon.nova-pro-v1:0', NAMES)).toEqual(['default']);
  });

  it('prices a model at its chosen tier, keeps other tiers, and never invents a missing one', () => {
    const flex = applyServiceTiers([base], { 'amazon.nova-pro-v1:0': 'flex' }, SNAPSHOT, NAMES);
    expect(flex.prices[0]).toMatchObject({
      inputUsdPer1k: 0.00035,
      outputUsdPer1k: 0.0014,
      serviceTier: 'flex',
      asOf: '2026-11-01',
      tierPrices: [{ tier: 'default', inputUsdPer1k: 0.0007 }],
    });
    const priority = applyServiceTiers(
      [base],
      { 'amazon.nova-pro-v1:0': 'priority' },
      SNAPSHOT,
      NAMES,
    );
    expect(priority.prices).toEqual([]);
    expect(priority.missing).toEqual(['amazon.nova-pro-v1:0']);
    expect(priority.notes['amazon.nova-pro-v1:0']).toMatch(/No priority price/);
    // A price the analyst typed for the tier is kept as typed.
    const typed = applyServiceTiers(
      [base],
      { 'amazon.nova-pro-v1:0': 'priority' },
      SNAPSHOT,
      NAMES,
      new Set(['amazon.nova-pro-v1:0']),
    );
    expect(typed.prices[0]).toMatchObject({ inputUsdPer1k: 0.0007, serviceTier: 'priority' });
  });

  it('lays a snapshot over the catalog: the Price List entry wins, with its date and source', () => {
    const book = withSnapshotCatalogs(PRICE_CATALOG, [snapshotCatalog(SNAPSHOT, NAMES)]);
    const found = findPrice('amazon.nova-pro-v1:0', 'us-east-1', book);
    expect(found.found && found.entry.onDemand.inputUsdPer1k).toBe(0.0007);
    expect(found.found && found.entry.asOf).toBe('2026-11-01');
    const west = findPrice('amazon.nova-pro-v1:0', 'us-west-2', book);
    expect(west.found && west.entry.asOf).toBe(PRICE_CATALOG.asOf);
  });
});
