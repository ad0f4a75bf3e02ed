/**
 * Writes a large offer file in the AWS Price List bulk format (docs/bedrock.md §4), SKU by
 * SKU, without building it in memory: products for many regions and models, then their
 * OnDemand terms, indented like AWS's files. Sizes are approximate; the byte count is returned.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
  'me-central-1',
  'af-south-1',
  'us-gov-west-1',
  'ap-east-1',
];
const SUFFIXES = [
  'input-tokens',
  'output-tokens',
  'input-tokens-batch',
  'output-tokens-batch',
  'input-tokens-flex',
  'output-tokens-flex',
  'input-tokens-priority',
  'output-tokens-priority',
  'cache-read-input-token-count',
  'input-tokens-cross-region-global',
];

export async function writeLargeOfferFile(path: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  const perSku = 1_050; // bytes of one product plus its term, measured on this layout
  const skus = Math.ceil(targetBytes / perSku);
  const sku = (i: number) => `SKU${String(i).padStart(13, '0')}`;
  const rowOf = (i: number) => {
    const region = REGIONS[i % REGIONS.length] as string;
    const model = `Bench Model ${Math.floor(i / (REGIONS.length * SUFFIXES.length)) % 400}`;
    const suffix = SUFFIXES[Math.floor(i / REGIONS.length) % SUFFIXES.length] as string;
    return {
      region,
      model,
      usagetype: `${region.toUpperCase().replace(/-/g, '')}-${model.replace(/ /g, '')}-${suffix}`,
    };
  };
  await write(
    '{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "This pricing list is for informational purposes only.",\n  "offerCode" : "AmazonBedrock",\n  "version" : "20261201000000",\n  "publicationDate" : "2026-12-01T00:00:00Z",\n  "products" : {\n',
  );
  for (let i = 0; i < skus; i++) {
    const r = rowOf(i);
    const product = {
      sku: sku(i),
      productFamily: 'Amazon Bedrock',
      attributes: {
        servicecode: 'AmazonBedrock',
        location: r.region,
        regionCode: r.region,
        usagetype: r.usagetype,
        model: r.model,
        provider: 'Bench',
        inferenceType: r.usagetype.includes('input') ? 'Input tokens' : 'Output tokens',
        feature: 'On-demand Inference',
      },
    };
    await write(
      `    "${sku(i)}" : ${JSON.stringify(product, null, 2).replace(/\n/g, '\n    ')}${i + 1 < skus ? ',' : ''}\n`,
    );
  }
  await write('  },\n  "terms" : {\n    "OnDemand" : {\n');
  for (let i = 0; i < skus; i++) {
    const code = `${sku(i)}.JRTCKXETXF`;
    const rate = `${code}.6YS6EN2CT7`;
    const term = {
      [code]: {
        offerTermCode: 'JRTCKXETXF',
        sku: sku(i),
        effectiveDate: '2026-12-01T00:00:00Z',
        priceDimensions: {
          [rate]: {
            rateCode: rate,
            description: 'bench price',
            beginRange: '0',
            endRange: 'Inf',
            unit: i % 3 === 0 ? '1M tokens' : '1K tokens',
            pricePerUnit: { USD: (0.0001 + (i % 97) / 100_000).toFixed(10) },
            appliesTo: [],
          },
        },
        termAttributes: {},
      },
    };
    await write(
      `      "${sku(i)}" : ${JSON.stringify(term, null, 2).replace(/\n/g, '\n      ')}${i + 1 < skus ? ',' : ''}\n`,
    );
  }
  await write('    }\n  },\n  "attributesList" : { }\n}\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}
