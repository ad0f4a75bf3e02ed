import { describe, expect, it } from 'vitest';
import { findPrice } from './findPrice';
import { normalizeModelId } from './modelIds';
import { findModel } from './models';
import { PRICE_CATALOG } from './priceCatalog';

describe('normalizeModelId', () => {
  it.each([
    ['meta.llama3-8b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 'exact'],
    ['us.meta.llama3-2-3b-instruct-v1:0', 'meta.llama3-2-3b-instruct-v1:0', 'inferenceProfile'],
    [
      'eu.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'inferenceProfile',
    ],
    ['amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0', 'exact'],
    ['meta.llama3-1-8b-instruct-v1:0:128k', 'meta.llama3-1-8b-instruct-v1:0', 'customizationBase'],
    ['amazon.nova-premier-v1:0:1000k', 'amazon.nova-premier-v1:0', 'customizationBase'],
    [
      'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0',
      'meta.llama3-70b-instruct-v1:0',
      'exact',
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-70b-instruct-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
      'inferenceProfile',
    ],
  ])('%s → %s (%s)', (raw, modelId, via) => {
    expect(normalizeModelId(raw)).toEqual({ modelId, via });
  });
});

describe('findPrice', () => {
  it('finds an exact id in a region', () => {
    const r = findPrice('meta.llama3-70b-instruct-v1:0', 'us-west-2');
    expect(r.found && r.entry.onDemand.inputUsdPer1k).toBe(0.00265);
    expect(r.found && r.via).toBe('exact');
  });

  it('resolves a us. inference profile to the source-region price and says so', () => {
    const r = findPrice('us.meta.llama3-2-3b-instruct-v1:0', 'us-east-1');
    if (!r.found) throw new Error(r.message);
    expect(r.entry.modelId).toBe('meta.llama3-2-3b-instruct-v1:0');
    expect(r.entry.onDemand.outputUsdPer1k).toBe(0.00015);
    expect(r.note).toMatch(/S14/);
  });

  it('warns that a customization id gets its base model price', () => {
    const r = findPrice('meta.llama3-1-8b-instruct-v1:0:128k', 'us-east-1');
    if (!r.found) throw new Error(r.message);
    expect(r.via).toBe('customizationBase');
    expect(r.note).toMatch(/Provisioned Throughput/);
  });

  it('tells an unknown model from an unpriced region', () => {
    const model = findPrice('mistral.unknown-v1:0', 'us-east-1');
    expect(model.found ? null : model.reason).toBe('unknownModel');
    const region = findPrice('amazon.nova-pro-v1:0', 'eu-west-1');
    expect(region.found ? null : region.reason).toBe('unknownRegion');
    expect(region.found ? '' : region.message).toMatch(/us-east-1, us-west-2/);
  });

  it('looks in the catalog it is given', () => {
    const empty = { asOf: PRICE_CATALOG.asOf, entries: [] };
    expect(findPrice('amazon.nova-pro-v1:0', 'us-east-1', empty).found).toBe(false);
  });
});

describe('findModel', () => {
  it('accepts the same spellings as findPrice', () => {
    expect(findModel('us.anthropic.claude-3-5-sonnet-20241022-v2:0')?.displayName).toBe(
      'Claude 3.5 Sonnet (v2)',
    );
    expect(findModel('nope')).toBeUndefined();
  });
});
