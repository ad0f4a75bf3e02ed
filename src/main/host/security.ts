import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK.has(address);

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Refusal = { status: 401 | 403 | 421; reason: string } | null;

/**
 * Checks that a request comes from this machine, names this server (a rebinding defence), and,
 * for the API, carries the launch token and this exact origin.
 */
export function checkRequest(
  req: IncomingMessage,
  origin: string,
  token: string,
  kind: 'static' | 'api' | 'events',
  queryToken: string | null,
): Refusal {
  if (!isLoopback(req.socket.remoteAddress)) return { status: 403, reason: 'not a loopback peer' };
  const host = req.headers.host;
  if (host === undefined || `http://${host}` !== origin)
    return { status: 421, reason: 'wrong Host' };
  if (kind === 'static') return null;
  const sentOrigin = req.headers.origin;
  if (kind === 'api' && sentOrigin !== origin) return { status: 403, reason: 'wrong Origin' };
  if (kind === 'events' && sentOrigin !== undefined && sentOrigin !== origin) {
    return { status: 403, reason: 'wrong Origin' };
  }
  const header = req.headers['x-distill-token'];
  const given = kind === 'events' ? queryToken : typeof header === 'string' ? header : null;
  if (!tokensEqual(given, token)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}
