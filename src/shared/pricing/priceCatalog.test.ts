import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { ShippedSnapshotSchema, shippedCatalog } from './priceList/shippedSnapshot';
import {
  CATALOG_NAMINGS,
  CATALOG_REGIONS,
  PROTOTYPE_STORAGE_ASSUMPTION,
  THIRD_PARTY_CATALOG as PRICE_CATALOG,
} from './priceCatalog';
import { PriceCatalogSchema } from './priceSchemas';

// Figures transcribed by hand from docs/bedrock.md §4 "Catalog prices" (USD per 1K tokens).
const FACTS: Record<string, [number, number]> = {
  'meta.llama3-8b-instruct-v1:0': [0.0003, 0.0006],
  'meta.llama3-70b-instruct-v1:0': [0.00265, 0.0035],
  'meta.llama3-1-8b-instruct-v1:0': [0.00022, 0.00022],
  'meta.llama3-1-70b-instruct-v1:0': [0.00072, 0.00072],
  'meta.llama3-1-405b-instruct-v1:0': [0.0024, 0.0024],
  'meta.llama3-2-1b-instruct-v1:0': [0.0001, 0.0001],
  'meta.llama3-2-3b-instruct-v1:0': [0.00015, 0.00015],
  'meta.llama3-2-11b-instruct-v1:0': [0.00016, 0.00016],
  'meta.llama3-2-90b-instruct-v1:0': [0.00072, 0.00072],
  'meta.llama3-3-70b-instruct-v1:0': [0.00072, 0.00072],
  'amazon.nova-micro-v1:0': [0.000035, 0.00014],
  'amazon.nova-lite-v1:0': [0.00006, 0.00024],
  'amazon.nova-pro-v1:0': [0.0008, 0.0032],
  'amazon.nova-premier-v1:0': [0.0025, 0.0125],
  'anthropic.claude-3-haiku-20240307-v1:0': [0.00025, 0.00125],
  'anthropic.claude-3-5-sonnet-20240620-v1:0': [0.003, 0.015],
  'anthropic.claude-3-5-sonnet-20241022-v2:0': [0.003, 0.015],
};

describe('the third-party fallback catalog', () => {
  it('passes its own schema, so stored catalogs and the built-in one obey the same rules', () => {
    expect(PriceCatalogSchema.safeParse(PRICE_CATALOG).success).toBe(true);
  });

  it('prices every listed model in us-east-1 and us-west-2 with the facts-file figures', () => {
    expect(Object.keys(FACTS).sort()).toEqual(MODELS.map((m) => m.id).sort());
    for (const [modelId, [input, output]] of Object.entries(FACTS)) {
      for (const region of ['us-east-1', 'us-west-2']) {
        const entry = PRICE_CATALOG.entries.find(
          (e) => e.modelId === modelId && e.region === region,
        );
        expect(entry, `${modelId} ${region}`).toBeDefined();
        expect(entry?.onDemand.inputUsdPer1k).toBe(input);
        expect(entry?.onDemand.outputUsdPer1k).toBe(output);
      }
    }
    expect(PRICE_CATALOG.entries).toHaveLength(MODELS.length * CATALOG_REGIONS.length);
  });

  it("holds today's Llama 3 8B input price and says where the seed's $0.0004 came from", () => {
    const entry = PRICE_CATALOG.entries.find((e) => e.modelId === 'meta.llama3-8b-instruct-v1:0');
    expect(entry?.onDemand.inputUsdPer1k).toBe(0.0003);
    expect(entry?.onDemand.note).toMatch(/0\.0004/);
    expect(entry?.onDemand.note).toMatch(/early LiteLLM price map/);
  });

  it('cites an S-tag with a reference and an ISO date on every entry', () => {
    for (const e of PRICE_CATALOG.entries) {
      expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.onDemand.sources.length).toBeGreaterThan(0);
      for (const s of e.onDemand.sources) {
        expect(s.tag).toMatch(/^S\d+$/);
        expect(s.ref.length).toBeGreaterThan(5);
      }
      expect(e.overridden).toBe(false);
    }
  });

  it('gives batch as 0.5 with its sources and the caveat that AWS names no figure', () => {
    for (const e of PRICE_CATALOG.entries) {
      expect(e.batchMultiplier.value).toBe(0.5);
      if (e.batchMultiplier.value === null) throw new Error('unreachable');
      expect(e.batchMultiplier.sources.map((s) => s.tag)).toEqual(['S14', 'S19']);
      expect(e.batchMultiplier.note).toMatch(/same as on-demand/);
    }
  });

  it('leaves provisioned, training and storage prices null with a reason instead of guessing', () => {
    for (const e of PRICE_CATALOG.entries) {
      const unknowns = [
        e.provisionedUsdPerHourPerUnit.noCommitment,
        e.provisionedUsdPerHourPerUnit.oneMonth,
        e.provisionedUsdPerHourPerUnit.sixMonths,
        e.trainingUsdPer1kTokens,
        e.storageUsdPerMonth,
      ];
      for (const u of unknowns) {
        expect(u.value).toBeNull();
        expect('unknownReason' in u && u.unknownReason.length > 10).toBe(true);
      }
    }
  });

  it("keeps the prototype's $1.95 storage out of the AWS figures, labelled as prior art", () => {
    expect(PROTOTYPE_STORAGE_ASSUMPTION.usdPerMonth).toBe(1.95);
    expect(PROTOTYPE_STORAGE_ASSUMPTION.basis).toBe('prior-art prototype assumption');
    expect(PRICE_CATALOG.entries.some((e) => e.storageUsdPerMonth.value === 1.95)).toBe(false);
  });
});

describe('MODELS', () => {
  it('has unique ids and a context window for each, with where it comes from', () => {
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
    for (const m of MODELS) {
      expect(m.contextWindowTokens).toBeGreaterThan(0);
      expect(m.contextWindowSource.length).toBeGreaterThan(0);
    }
    const llama3 = MODELS.find((m) => m.id === 'meta.llama3-8b-instruct-v1:0');
    expect(llama3?.contextWindowTokens).toBe(8192);
    expect(MODELS.find((m) => m.id === 'amazon.nova-premier-v1:0')?.contextWindowTokens).toBe(
      1_000_000,
    );
  });
});

describe('the shipped snapshot', () => {
  it('gives no catalog until it has been built, so the fallback is used', () => {
    const unbuilt = { publicationDate: null, builtAt: null, sources: [], snapshots: [] };
    expect(shippedCatalog(ShippedSnapshotSchema.parse(unbuilt), CATALOG_NAMINGS)).toBeNull();
  });
});
