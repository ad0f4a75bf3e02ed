import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { CallTarget } from '../service/callTarget';
import { err } from '../../shared/ipc/result';
import { checkRequest } from './security';
import { SECURITY_HEADERS } from '../pages/rendererFiles';
import { serveStatic } from './static';

/** Large enough for a 20 MB import turned into JSON rows, small enough to refuse abuse. */
const MAX_BODY_BYTES = 48 * 1024 * 1024;

export interface HostOptions {
  /** A running core (service/callTarget.ts coreTarget) or the app service with recovery mode. */
  core: CallTarget;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  origin: string;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send or log. */
  url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function handleApi(
  core: CallTarget,
  channel: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  let raw: unknown;
  try {
    const text = await readBody(req);
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    sendJson(res, 400, err('invalid_input', 'The request body is not valid JSON or is too large.'));
    return;
  }
  sendJson(res, 200, await core.call(channel, raw));
}

function handleEvents(core: CallTarget, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const off = core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    off();
  });
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    const kind = url.pathname === '/api/events' ? 'events' : isApi ? 'api' : 'static';
    const refusal = checkRequest(req, origin, token, kind, url.searchParams.get('token'));
    if (refusal) {
      sendJson(res, refusal.status, err('credentials', `Refused: ${refusal.reason}.`));
      return;
    }
    if (kind === 'events' && req.method === 'GET') return handleEvents(opts.core, req, res);
    if (kind === 'api' && req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      void handleApi(opts.core, url.pathname.slice('/api/call/'.length), req, res);
      return;
    }
    if (kind === 'static' && (req.method === 'GET' || req.method === 'HEAD')) {
      void serveStatic(opts.staticDir, url.pathname, res);
      return;
    }
    sendJson(res, 405, err('invalid_input', 'Method not allowed.'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
