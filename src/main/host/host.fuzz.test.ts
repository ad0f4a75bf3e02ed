/**
 * The browser host under fuzzing, over real loopback http: 1,000 seeded payloads per channel
 * (JSON values and, one in ten, bodies that are not JSON at all) with the right token and
 * Origin; then requests missing the token, with a wrong one, a wrong Origin or Host, and from
 * a non-loopback peer. Every answer is a Result envelope, the server never throws, and nothing
 * refused writes anything.
 */
import { Agent, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzPayloads } from '../../../test/support/fuzzPayloads';
import {
  acceptedBy,
  isEnvelope,
  makeFuzzCore,
  type FuzzCore,
} from '../../../test/support/fuzzCore';
import { makeTempDir } from '../../../test/support/tempDir';
import { CHANNELS } from '../../shared/ipc/channels';
import { coreTarget } from '../service/callTarget';
import { checkRequest } from './security';
import { startHost, type RunningHost } from './server';

const PER_CHANNEL = 1_000;
let fuzz: FuzzCore;
let host: RunningHost;
const temp = makeTempDir('distill-hostfuzz-');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const escaped: unknown[] = [];
const onEscape = (e: unknown) => escaped.push(e);

beforeAll(async () => {
  fuzz = await makeFuzzCore();
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  host = await startHost({ core: coreTarget(fuzz.core), staticDir });
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterAll(async () => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  agent.destroy();
  await host.close();
  await fuzz.cleanup();
  temp.cleanup();
});

function post(
  path: string,
  body: string,
  headers: Record<string, string>,
  address = '127.0.0.1',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address, port: host.port, path, method: 'POST', headers, agent },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const good = () => ({
  'content-type': 'application/json',
  origin: host.origin,
  'x-distill-token': host.token,
  host: host.origin.slice('http://'.length),
});

describe('browser host fuzzing over http', () => {
  let sent = 0;
  it.each(CHANNELS.map((c, i) => [c, i] as const))(
    '%s: 1,000 bodies, only envelopes, no write from refused input',
    async (channel, index) => {
      const payloads = fuzzPayloads(channel, PER_CHANNEL, 9_000 + index, true);
      const garbage = fc.sample(fc.string({ maxLength: 80 }), {
        seed: index,
        numRuns: PER_CHANNEL,
      });
      const bodies = payloads.map((payload, i) => {
        const raw = i % 10 === 9 ? `{${garbage[i] ?? ''}` : (JSON.stringify(payload) ?? '');
        let parsed: unknown;
        try {
          parsed = raw === '' ? {} : JSON.parse(raw);
        } catch {
          return { raw, valid: false };
        }
        return { raw, valid: acceptedBy(channel, parsed) };
      });
      const send = async (raw: string, valid: boolean) => {
        const res = await post(`/api/call/${channel}`, raw, good());
        sent++;
        expect([200, 400]).toContain(res.status);
        const answer: unknown = JSON.parse(res.body);
        expect(isEnvelope(answer), res.body.slice(0, 200)).toBe(true);
        if (!valid) expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      };
      // Refused bodies go 16 at a time (the count of writes around each batch must not move);
      // accepted ones one by one, since they may write.
      const refused = bodies.filter((b) => !b.valid);
      for (let i = 0; i < refused.length; i += 16) {
        const before = fuzz.writes();
        await Promise.all(refused.slice(i, i + 16).map((b) => send(b.raw, false)));
        expect(fuzz.writes(), `a refused ${channel} body wrote`).toBe(before);
      }
      for (const b of bodies.filter((x) => x.valid)) await send(b.raw, true);
      expect(escaped).toEqual([]);
    },
  );

  it('sent 1,000 bodies per channel', () => {
    expect(sent).toBe(CHANNELS.length * PER_CHANNEL);
    console.log(`host fuzz: ${sent} http bodies over ${CHANNELS.length} channels`);
  });

  it('refuses 500 requests with a missing or wrong token, Origin or Host, writing nothing', async () => {
    const cases = fc.sample(
      fc.record({
        token: fc.oneof(
          fc.constant(null),
          fc.string({ maxLength: 40 }),
          fc.constant(host.token.slice(1)),
        ),
        origin: fc.oneof(
          fc.constant(null),
          fc.constant(host.origin),
          fc.constantFrom(
            'http://evil.example',
            'null',
            'http://localhost:' + host.port,
            'http://127.0.0.1',
          ),
        ),
        hostHeader: fc.constantFrom(host.origin.slice(7), 'evil.example', `localhost:${host.port}`),
        channel: fc.constantFrom(...CHANNELS),
      }),
      { seed: 42, numRuns: 500 },
    );
    const before = fuzz.writes();
    let refused = 0;
    for (const c of cases) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        host: c.hostHeader,
      };
      if (c.token !== null) headers['x-distill-token'] = c.token;
      if (c.origin !== null) headers.origin = c.origin;
      const allGood =
        c.token === host.token && c.origin === host.origin && c.hostHeader === host.origin.slice(7);
      if (allGood) continue;
      const res = await post(`/api/call/${c.channel}`, '{"name":"x"}', headers);
      expect([401, 403, 421]).toContain(res.status);
      expect(res.body).toMatch(/Refused/);
      refused++;
    }
    expect(refused).toBeGreaterThan(400);
    expect(fuzz.writes()).toBe(before);
  });

  it('is unreachable from another loopback address: it listens on 127.0.0.1 only', async () => {
    await expect(
      post('/api/call/createDataset', '{"name":"x"}', good(), '127.0.0.2'),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.1', '127.0.0.2', '2001:db8::1', undefined])(
    'refuses a peer at %s even with the right token, Origin and Host',
    (address) => {
      const req = {
        socket: { remoteAddress: address },
        headers: good(),
      } as unknown as IncomingMessage;
      expect(checkRequest(req, host.origin, host.token, 'api', null)).toEqual({
        status: 403,
        reason: 'not a loopback peer',
      });
      const local = {
        socket: { remoteAddress: '127.0.0.1' },
        headers: good(),
      } as unknown as IncomingMessage;
      expect(checkRequest(local, host.origin, host.token, 'api', null)).toBeNull();
    },
  );
});
