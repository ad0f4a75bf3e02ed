import { describe, expect, it } from 'vitest';
import { describeOrigin, publishersOf } from './priceOrigin';
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
});
