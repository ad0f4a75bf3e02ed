import { describe, expect, it } from 'vitest';
import { offerFile } from '../../../test/support/offerFiles';
import { OfferFileError, OfferStreamParser } from './offerStream';

function collect(chunks: string[]) {
  const got = {
    top: {} as Record<string, unknown>,
    products: [] as string[],
    terms: [] as string[],
  };
  const p = new OfferStreamParser({
    top: (k, v) => (got.top[k] = v),
    product: (sku) => got.products.push(sku),
    term: (type, sku) => got.terms.push(`${type}/${sku}`),
  });
  for (const c of chunks) p.write(c);
  p.end();
  return got;
}

const FILE = offerFile({
  offerCode: 'AmazonBedrock',
  publicationDate: '2026-11-01T00:00:00Z',
  rows: [
    {
      usagetype: 'USE1-NovaPro-input-tokens',
      regionCode: 'us-east-1',
      model: 'Nova "Pro" \\ {x}',
      unit: '1K tokens',
      usd: '0.0008',
    },
    {
      usagetype: 'USE1-NovaPro-output-tokens',
      regionCode: 'us-east-1',
      model: 'Nova Pro',
      unit: '1K tokens',
      usd: '0.0032',
      termType: 'Reserved',
      leaseContractLength: '1 month',
    },
  ],
});

describe('OfferStreamParser', () => {
  it('gives the same products, terms and top-level values however the text is cut', () => {
    const whole = collect([FILE]);
    expect(whole.top).toMatchObject({
      formatVersion: 'v1.0',
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-11-01T00:00:00Z',
    });
    expect(whole.products).toHaveLength(2);
    expect(whole.terms).toEqual(['OnDemand/AMAZ000000000000', 'Reserved/AMAZ000000000001']);
    for (let cut = 1; cut < FILE.length; cut += 7) {
      expect(collect([FILE.slice(0, cut), FILE.slice(cut)])).toEqual(whole);
    }
    expect(collect(FILE.match(/[\s\S]{1,3}/g) ?? [])).toEqual(whole);
  });

  it('refuses a file cut short, text that is not JSON, and an array at the top', () => {
    expect(() => collect([FILE.slice(0, FILE.length / 2)])).toThrow(/ends early/);
    expect(() => collect(['<html>Service Unavailable</html>'])).toThrow(OfferFileError);
    expect(() => collect(['[1,2]'])).toThrow(/a JSON object/);
    expect(() => collect([`${FILE} {}`])).toThrow(/after the end/);
    expect(() => collect([''])).toThrow(/empty/);
    expect(() => collect(['{"products": {"A": {"sku": }}}'])).toThrow(
      /not valid JSON|could not be read/,
    );
  });
});
