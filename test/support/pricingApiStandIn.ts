/**
 * A loopback stand-in for the Price List Query API (docs/bedrock.md §2, §4): awsJson 1.1,
 * `POST /` with `X-Amz-Target: AWSPriceListService.GetProducts`, TERM_MATCH filters, MaxResults
 * and NextToken paging, `PriceList` as a list of JSON strings whose terms are keyed
 * `<SKU>.<termCode>`, and errors as `{"__type","Message"}` with status 400. A test tool.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { offerObject, type FixtureOffer } from './offerFiles';

export interface PricingApiStandIn {
  readonly url: string;
  readonly targets: readonly string[];
  setOffer(offer: FixtureOffer): void;
  /** The next request answers this error (e.g. 'AccessDeniedException'). */
  queueError(type: string): void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function send(res: ServerResponse, status: number, value: unknown) {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function startPricingApiStandIn(pageSize = 2): Promise<PricingApiStandIn> {
  const offers = new Map<string, FixtureOffer>();
  const errors: string[] = [];
  const targets: string[] = [];

  const server = createServer((req, res) => {
    void body(req).then((raw) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      targets.push(target);
      const error = errors.shift();
      if (error) return send(res, 400, { __type: error, Message: `${error} from the stand-in` });
      if (req.method !== 'POST' || target !== 'AWSPriceListService.GetProducts') {
        return send(res, 400, { __type: 'UnknownOperationException', Message: target });
      }
      const input = JSON.parse(raw || '{}') as {
        ServiceCode?: string;
        Filters?: { Type: string; Field: string; Value: string }[];
        MaxResults?: number;
        NextToken?: string;
      };
      const offer = input.ServiceCode ? offers.get(input.ServiceCode) : undefined;
      if (!offer) {
        return send(res, 400, { __type: 'NotFoundException', Message: 'Service not found' });
      }
      const whole = offerObject(offer) as {
        products: Record<string, { sku: string; attributes: Record<string, string> }>;
        terms: { OnDemand: Record<string, Record<string, unknown>> };
        version: string;
      };
      const items = Object.values(whole.products)
        .filter((p) =>
          (input.Filters ?? []).every(
            (f) => f.Type !== 'TERM_MATCH' || p.attributes[f.Field] === f.Value,
          ),
        )
        .map((p) =>
          JSON.stringify({
            product: p,
            serviceCode: offer.offerCode,
            terms: { OnDemand: whole.terms.OnDemand[p.sku] ?? {} },
            version: whole.version,
            publicationDate: offer.publicationDate,
          }),
        );
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const end = start + Math.min(input.MaxResults ?? 100, pageSize);
      send(res, 200, {
        FormatVersion: 'aws_v1',
        PriceList: items.slice(start, end),
        ...(end < items.length ? { NextToken: String(end) } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    setOffer: (o) => void offers.set(o.offerCode, o),
    queueError: (t) => void errors.push(t),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
