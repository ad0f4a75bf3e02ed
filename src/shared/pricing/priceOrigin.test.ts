import { describe, expect, it } from 'vitest';
import { describeOrigin, publisherOfStoredSource, publishersOf } from './priceOrigin';
import { SOURCES } from './sources';

const catalogOrigin = (publisher: string) =>
  describeOrigin({ kind: 'catalog', publisher, asOf: '2026-11-24' });

describe('catalog origins', () => {
  it('names third-party figures as such, even beside an AWS page that gives no figure', () => {
    const batch = publishersOf([SOURCES.S14, SOURCES.S19]);
    expect(catalogOrigin(batch)).toBe(
      'third-party registry (batch pricing guides), 2026-11-24, not from AWS',
    );
    expect(catalogOrigin(publishersOf([SOURCES.S15, SOURCES.S16]))).toBe(
      'third-party registry (genai-prices / cline), 2026-11-24, not from AWS',
    );
  });

  it('names AWS sources without the caveat', () => {
    expect(catalogOrigin(publishersOf([SOURCES.S14]))).toBe('AWS Bedrock pricing page, 2026-11-24');
    expect(catalogOrigin(publishersOf([{ tag: 'aws-price-list', ref: 'x' }]))).toBe(
      'AWS Price List, 2026-11-24',
    );
  });

  it('names the publisher of a price stored by release 0.1.0 from its source tags', () => {
    // As release 0.1.0 stored the catalog price of Llama 3 70B (test/fixtures/release-0.1.0-schema50.sqlite).
    const stored =
      'S15: pydantic/genai-prices, prices/providers/aws.yml (commit 47df840); S16: Cline-style Bedrock model table, src/shared/api.ts (cline/cline)';
    expect(publisherOfStoredSource(stored)).toBe('third-party registry (genai-prices / cline)');
    expect(
      describeOrigin({
        kind: 'catalog',
        publisher: publisherOfStoredSource(stored),
        asOf: '2026-11-24',
      }),
    ).toBe('third-party registry (genai-prices / cline), 2026-11-24, not from AWS');
    expect(publisherOfStoredSource('catalog S14')).toBe('AWS Bedrock pricing page');
    // Words that carry no tag are kept as they were written.
    expect(publisherOfStoredSource('AWS quote of March')).toBe('AWS quote of March');
  });
});
