/**
 * A loopback proxy in front of the Bedrock stand-in that behaves like a quota: it forwards at
 * most `capacity` requests at once and answers any request beyond that with Bedrock's 429
 * ThrottlingException after `rejectDelayMs` (a real service takes a moment to say no, which is
 * what lets a test see how many requests a client keeps open at once).
 *
 * For every arrival it records the requests open at that moment, forwarded or being rejected,
 * the new one included: the concurrency the client offered.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { writeError } from './standInWire';

export interface Arrival {
  at: number;
  offered: number;
  throttled: boolean;
}

export interface CapacityProxy {
  readonly url: string;
  readonly arrivals: readonly Arrival[];
  close(): Promise<void>;
}

export async function startCapacityProxy(
  targetUrl: string,
  capacity: number,
  rejectDelayMs = 10,
): Promise<CapacityProxy> {
  const target = new URL(targetUrl);
  const arrivals: Arrival[] = [];
  let forwarded = 0;
  let rejecting = 0;

  function reject(res: ServerResponse): void {
    setTimeout(() => {
      rejecting--;
      writeError(
        res,
        429,
        'ThrottlingException',
        'Too many requests, please wait before trying again.',
      );
    }, rejectDelayMs);
  }

  function forward(req: IncomingMessage, res: ServerResponse): void {
    forwarded++;
    let open = true;
    const done = () => {
      if (open) forwarded--;
      open = false;
    };
    res.on('close', done);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const throttled = forwarded >= capacity;
    arrivals.push({ at: performance.now(), offered: forwarded + rejecting + 1, throttled });
    if (throttled) {
      rejecting++;
      req.resume();
      req.on('end', () => reject(res));
    } else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
