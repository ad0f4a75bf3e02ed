/**
 * The Price List Query API path, for users whose credentials allow `pricing:GetProducts`: the
 * same Bedrock rows as the bulk files, one product per `PriceList` string (each a JSON document
 * with product, terms and publicationDate), paged with NextToken, filtered to the region. Terms
 * are keyed `<SKU>.<termCode>` directly here, one level less than in the bulk file (§1.5).
 */
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import {
  classifyPriceRow,
  type OfferAttributes,
  type OfferDimension,
} from '../../shared/pricing/priceList/classifyPriceRow';
import type { OfferRead } from '../../shared/pricing/priceList/priceSnapshot';
import type { PriceRow } from '../../shared/pricing/priceList/priceRow';
import type { BedrockCredentials } from '../bedrock/client';
import { jsonApiHandler } from '../bedrock/controlPlaneClient';
import { clientEndpoint } from '../credentials/configuredEndpoint';

export function createPricingClient(options: {
  credentials: BedrockCredentials;
  /** Else AWS_ENDPOINT_URL_PRICING, AWS_ENDPOINT_URL, the AWS config files, then AWS's. */
  endpoint?: string;
}): PricingClient {
  const endpoint = clientEndpoint(['The Price List API endpoint', options.endpoint], 'Pricing');
  return new PricingClient({
    region: 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    credentials: options.credentials,
    requestHandler: jsonApiHandler(),
    maxAttempts: 3,
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pages per offer code at most (100 products each): a runaway NextToken cannot loop forever. */
const MAX_PAGES = 500;

export interface QueryRead {
  offer: OfferRead | null;
  rows: PriceRow[];
  problems: string[];
}

export async function readViaGetProducts(
  client: PricingClient,
  offerCode: string,
  region: string,
  signal?: AbortSignal,
): Promise<QueryRead> {
  const rows: PriceRow[] = [];
  const problems: string[] = [];
  let publicationDate = '';
  let version = '';
  let nextToken: string | undefined;
  let products = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await client.send(
      new GetProductsCommand({
        ServiceCode: offerCode,
        FormatVersion: 'aws_v1',
        MaxResults: 100,
        NextToken: nextToken,
        Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: region }],
      }),
      signal ? { abortSignal: signal } : {},
    );
    for (const text of out.PriceList ?? []) {
      let item: unknown;
      try {
        item = JSON.parse(text);
      } catch {
        problems.push(`${offerCode}: a GetProducts item is not JSON.`);
        continue;
      }
      if (!isObject(item) || !isObject(item.product) || !isObject(item.product.attributes)) {
        problems.push(`${offerCode}: a GetProducts item has no product attributes.`);
        continue;
      }
      products++;
      if (typeof item.publicationDate === 'string' && item.publicationDate > publicationDate) {
        publicationDate = item.publicationDate;
      }
      if (typeof item.version === 'string') version = item.version;
      const sku = typeof item.product.sku === 'string' ? item.product.sku : '?';
      const attrs = item.product.attributes as OfferAttributes;
      const onDemand =
        isObject(item.terms) && isObject(item.terms.OnDemand) ? item.terms.OnDemand : {};
      for (const term of Object.values(onDemand)) {
        if (!isObject(term) || !isObject(term.priceDimensions)) continue;
        const dim = Object.values(term.priceDimensions).find(isObject) as
          OfferDimension | undefined;
        if (!dim) continue;
        const c = classifyPriceRow(offerCode, sku, attrs, dim, region);
        if (c.ok) {
          if (c.row.region === region) rows.push(c.row);
        } else if ('problem' in c) problems.push(c.problem);
      }
    }
    nextToken = out.NextToken || undefined;
    if (!nextToken) break;
  }
  const offer =
    products === 0
      ? null
      : { offerCode, publicationDate, version, source: 'GetProducts', rows: rows.length };
  return { offer, rows, problems };
}
