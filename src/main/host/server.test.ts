import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCore } from '../../../test/support/testCore';
import { coreTarget } from '../service/callTarget';
import { startHost, type RunningHost } from './server';

let t: Awaited<ReturnType<typeof makeTestCore>>;
let host: RunningHost;

beforeEach(async () => {
  t = await makeTestCore();
  const staticDir = join(t.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'outside the static folder');
  host = await startHost({ core: coreTarget(t.core), staticDir });
});
afterEach(async () => {
  await host.close();
  await t.cleanup();
});

/** Raw http so that Host and Origin are exactly what the test says (fetch would normalise them). */
function send(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: opts.path,
          method: opts.method ?? 'GET',
          headers: opts.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}

const apiCall = (headers: Record<string, string>, body = '{"name":"From http"}') =>
  send({
    path: '/api/call/createDataset',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser host', () => {
  it('binds to loopback only and prints a URL whose token is in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves a call with the token and the exact origin', async () => {
    const r = await apiCall({ origin: host.origin, 'x-distill-token': host.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'From http' } });
  });

  it('refuses a call without the token, and writes nothing', async () => {
    const r = await apiCall({ origin: host.origin });
    expect(r.status).toBe(401);
    expect(await t.value('listDatasets', {})).toEqual([]);
  });

  it('refuses a wrong token of the same length', async () => {
    const wrong = host.token.replace(/./g, 'A');
    expect((await apiCall({ origin: host.origin, 'x-distill-token': wrong })).status).toBe(401);
  });

  it.each(['http://evil.example', 'http://localhost:1', 'null'])(
    'refuses the foreign origin %s',
    async (origin) => {
      const r = await apiCall({ origin, 'x-distill-token': host.token });
      expect(r.status).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(await t.value('listDatasets', {})).toEqual([]);
    },
  );

  it('refuses a call with no Origin at all', async () => {
    expect((await apiCall({ 'x-distill-token': host.token })).status).toBe(403);
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const r = await apiCall({
      host: 'attacker.example',
      origin: host.origin,
      'x-distill-token': host.token,
    });
    expect(r.status).toBe(421);
  });

  it('serves the renderer with the CSP, but nothing outside its folder', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await send({ path: '/../secret.txt' })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });

  it('follows no symlink out of the renderer folder, but serves one that stays inside', async () => {
    const staticDir = join(t.dir, 'renderer');
    symlinkSync(join(t.dir, 'secret.txt'), join(staticDir, 'leak.txt'));
    symlinkSync(t.dir, join(staticDir, 'up'));
    symlinkSync(join(staticDir, 'index.html'), join(staticDir, 'home.html'));
    const leak = await send({ path: '/leak.txt' });
    expect([leak.status, leak.body]).toEqual([404, 'Not found']);
    expect((await send({ path: '/up/secret.txt' })).status).toBe(404);
    expect((await send({ path: '/up/distill-roi.sqlite' })).status).toBe(404);
    const inside = await send({ path: '/home.html' });
    expect([inside.status, inside.body]).toEqual([200, '<!doctype html><title>app</title>']);
  });

  it('answers invalid JSON with a Result error', async () => {
    const r = await apiCall({ origin: host.origin, 'x-distill-token': host.token }, '{not json');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('streams events only with the token', async () => {
    expect((await send({ path: '/api/events?token=wrong' })).status).toBe(401);
  });
});
