/**
 * A loopback stand-in for the AWS Price List bulk files (docs/bedrock.md §4): the offer index
 * `/offers/v1.0/aws/index.json` (offers with currentRegionIndexUrl), each offer's
 * `current/region_index.json` (regions with a *relative* currentVersionUrl) and the per-region
 * files under a version folder. No credentials, plain HTTP GETs. Faults imitate a bad day: a
 * download cut short, a body that is not JSON, an HTTP error, a dropped connection. A test tool.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { bedrockRows, marketplaceRows, offerFile, type FixtureOffer } from './offerFiles';
import { closeServer, listenOnLoopback } from './loopbackServer';

export type PriceListFault = 'truncate' | 'notJson' | 'http503' | 'http404' | 'hangUp';

export interface PriceListStandIn {
  readonly url: string;
  readonly requests: readonly string[];
  /** Sets (or replaces) the file of an offer code for a region. */
  setOffer(region: string, offer: FixtureOffer): void;
  /** Serves raw text as the file of an offer code for a region (malformed files). */
  setRawOffer(region: string, offerCode: string, text: string): void;
  /** The next request for a path ending in `suffix` gets this fault. */
  queueFault(suffix: string, fault: PriceListFault): void;
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startPriceListStandIn(): Promise<PriceListStandIn> {
  /** offerCode → region → { version, text } */
  const files = new Map<string, Map<string, { version: string; text: string }>>();
  const faults: { suffix: string; fault: PriceListFault }[] = [];
  const requests: string[] = [];

  const send = (res: ServerResponse, text: string) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  function serve(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    requests.push(path);
    const f = faults.findIndex((x) => path.endsWith(x.suffix));
    const fault = f >= 0 ? faults.splice(f, 1)[0]?.fault : undefined;
    if (fault === 'hangUp') return void res.destroy();
    if (fault === 'http503' || fault === 'http404') {
      res.writeHead(fault === 'http503' ? 503 : 404, { 'content-type': 'text/html' });
      return void res.end('<html><body>Service Unavailable</body></html>');
    }
    if (fault === 'notJson') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>Sign in to the captive portal</body></html>');
    }
    const body = route(path);
    if (body === null) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      return void res.end('<Error><Code>NoSuchKey</Code></Error>');
    }
    if (fault === 'truncate') {
      // Promise the whole file, send a third of it, then drop the connection.
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.write(body.slice(0, Math.floor(body.length / 3)));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    send(res, body);
  }

  function route(path: string): string | null {
    if (path === '/offers/v1.0/aws/index.json') {
      const offers: Record<string, unknown> = {};
      for (const code of [...files.keys(), 'AmazonEC2']) {
        offers[code] = {
          offerCode: code,
          currentVersionUrl: `/offers/v1.0/aws/${code}/current/index.json`,
          currentRegionIndexUrl: `/offers/v1.0/aws/${code}/current/region_index.json`,
          savingsPlanVersionIndexUrl: `/savingsPlan/v1.0/aws/${code}/current/index.json`,
        };
      }
      return JSON.stringify({
        formatVersion: 'v1.0',
        disclaimer: 'This pricing list is for informational purposes only.',
        publicationDate: '2026-12-01T00:00:00Z',
        offers,
      });
    }
    const regionIndex = /^\/offers\/v1\.0\/aws\/([^/]+)\/current\/region_index\.json$/.exec(path);
    if (regionIndex?.[1]) {
      const byRegion = files.get(regionIndex[1]);
      if (!byRegion) return null;
      const regions: Record<string, unknown> = {};
      for (const [region, f] of byRegion) {
        regions[region] = {
          regionCode: region,
          currentVersionUrl: `/offers/v1.0/aws/${regionIndex[1]}/${f.version}/${region}/index.json`,
        };
      }
      return JSON.stringify({
        formatVersion: 'v1.0',
        disclaimer: 'This pricing list is for informational purposes only.',
        publicationDate: '2026-12-01T00:00:00Z',
        regions,
      });
    }
    const file = /^\/offers\/v1\.0\/aws\/([^/]+)\/([^/]+)\/([^/]+)\/index\.json$/.exec(path);
    if (file?.[1] && file[3]) {
      const f = files.get(file[1])?.get(file[3]);
      return f && f.version === file[2] ? f.text : null;
    }
    return null;
  }

  const put = (offerCode: string, region: string, version: string, text: string) => {
    let byRegion = files.get(offerCode);
    if (!byRegion) files.set(offerCode, (byRegion = new Map()));
    byRegion.set(region, { version, text });
  };

  const server = createServer(serve);
  const listen = (port: number) => listenOnLoopback(server, port);
  const stop = () => closeServer(server);
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setOffer: (region, offer) =>
      put(
        offer.offerCode,
        region,
        offer.version ?? offer.publicationDate.replace(/\D/g, '').slice(0, 14),
        offerFile(offer),
      ),
    setRawOffer: (region, offerCode, text) => put(offerCode, region, 'raw', text),
    queueFault: (suffix, fault) => void faults.push({ suffix, fault }),
    setOffline: async (offline) => {
      if (offline) await stop();
      else if (!server.listening) await listen(port);
    },
    close: stop,
  };
}

/**
 * The usual price set: AmazonBedrock and Marketplace offers in us-east-1, AmazonBedrock in
 * us-west-2 at a Nova Pro input price of 0.0009; the Marketplace file may be published later.
 */
export function setBedrockOffers(
  standIn: PriceListStandIn,
  publicationDate: string,
  marketplaceDate = publicationDate,
): void {
  standIn.setOffer('us-east-1', {
    offerCode: 'AmazonBedrock',
    publicationDate,
    rows: bedrockRows('us-east-1'),
  });
  standIn.setOffer('us-east-1', {
    offerCode: 'AmazonBedrockFoundationModels',
    publicationDate: marketplaceDate,
    rows: marketplaceRows('us-east-1'),
  });
  standIn.setOffer('us-west-2', {
    offerCode: 'AmazonBedrock',
    publicationDate,
    rows: bedrockRows('us-west-2', '0.0009'),
  });
}
