/**
 * Where offer files come from: the public Price List host (no credentials), a proxy or stand-in
 * at another base URL, or a file on disk. Bodies are streamed, never read whole; failures are
 * turned into sentences that name the URL and say what to check.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { endpointProblem } from '../../shared/domain/endpoint';
import { OfferFileError } from './offerStream';

/** AWS serves the bulk files only from this host (docs/bedrock.md §4). */
export const DEFAULT_PRICE_LIST_URL = 'https://pricing.us-east-1.amazonaws.com';
export const PRICE_LIST_URL_ENV = 'DISTILL_ROI_PRICE_LIST_URL';

/** Index files are small; an offer file may be large but has a ceiling. */
export const MAX_INDEX_BYTES = 20_000_000;
export const MAX_OFFER_BYTES = 1_000_000_000;

export class PriceListFetchError extends Error {
  override readonly name = 'PriceListFetchError';
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function networkMessage(url: string, e: unknown): string {
  const cause = (e as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Could not find the Price List host for ${url} (offline, or a DNS problem).`;
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return `Could not reach the Price List at ${url} (offline, or the connection was dropped).`;
  }
  if ((e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError') {
    return `The Price List at ${url} did not answer in time.`;
  }
  return `Could not read ${url}: ${(e as Error).message}.`;
}

/** The body of a URL or file as a stream of chunks. */
export async function openSource(
  source: string,
  signal?: AbortSignal,
): Promise<AsyncIterable<Uint8Array>> {
  if (!isUrl(source)) {
    try {
      await stat(source);
    } catch {
      throw new PriceListFetchError(`No offer file at ${source}.`);
    }
    return createReadStream(source);
  }
  // The last gate of the endpoint rules (a base URL was checked where it was set, naming its
  // setting or flag): every URL read, those an index points to included.
  const problem = endpointProblem(source, 'A Price List URL');
  if (problem !== null) throw new PriceListFetchError(problem);
  let res: Response;
  try {
    res = await fetch(source, { signal: signal ?? AbortSignal.timeout(120_000) });
  } catch (e) {
    throw new PriceListFetchError(networkMessage(source, e));
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new PriceListFetchError(`The Price List answered HTTP ${res.status} for ${source}.`);
  }
  const body = res.body;
  return (async function* () {
    try {
      for await (const chunk of body) yield chunk;
    } catch (e) {
      // A body cut off mid-way ends the stream with an error; say what that means.
      if (e instanceof OfferFileError) throw e;
      throw new OfferFileError(`the download of ${source} was cut short (${(e as Error).message})`);
    }
  })();
}

/** A small JSON document (index files), size-capped. */
export async function readJson(source: string, signal?: AbortSignal): Promise<unknown> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of await openSource(source, signal)) {
    bytes += chunk.byteLength;
    if (bytes > MAX_INDEX_BYTES) {
      throw new PriceListFetchError(`${source} is larger than an index file can be.`);
    }
    parts.push(Buffer.from(chunk));
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new PriceListFetchError(`${source} is not JSON (a proxy or captive portal page?).`);
  }
}

/**
 * A Price List path against its base: a URL, or a folder that mirrors the Price List's layout
 * (`<folder>/offers/v1.0/aws/index.json`...), where the path's URL part is read as a file path.
 */
export const resolveUrl = (base: string, path: string): string =>
  isUrl(base)
    ? new URL(path, base).toString()
    : join(base, decodeURIComponent(new URL(path, 'http://mirror').pathname));
