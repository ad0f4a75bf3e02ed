/**
 * The stand-in's own contract (test/support/bedrockStandIn.ts): the wire format without the
 * SDK, determinism of its seeded faults and texts, and running it as a separate process.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor } from '../../../test/support/standInClient';
import { pickPlannedFault } from '../../../test/support/standInFaults';
import { seededUniform } from '../../../test/support/standInRandom';
import { OUTPUT_STYLES, splitIntoChunks, words } from '../../../test/support/standInText';
import type { FaultPlan, FaultSpec } from '../../../test/support/standInTypes';
import { converseOnce } from './converseStream';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain HTTP POST, no SDK: what any client of the stand-in would see. */
function post(url: string, path: string, body: unknown, auth = 'Bearer test'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Splits an event-stream body into messages using each prelude's total length. */
function decodeFrames(body: Buffer) {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const frames = [];
  for (let at = 0; at < body.length;) {
    const length = body.readUInt32BE(at);
    const message = codec.decode(body.subarray(at, at + length));
    const header = (name: string) => message.headers[name]?.value;
    frames.push({
      messageType: header(':message-type'),
      eventType: header(':event-type'),
      payload: JSON.parse(toUtf8(message.body)) as Record<string, unknown>,
    });
    at += length;
  }
  return frames;
}

const converseBody = (text: string) => ({
  messages: [{ role: 'user', content: [{ text }] }],
  inferenceConfig: { maxTokens: 100 },
});

describe('the stand-in on the wire', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: { 'meta.llama3-8b-instruct-v1:0': { latencyMs: 20, ttftMs: 5, chunks: 3 } },
    });
  });
  afterAll(() => standIn.close());

  it('streams messageStart, deltas, contentBlockStop, messageStop, then metadata', async () => {
    const reply = await post(
      standIn.url,
      '/model/meta.llama3-8b-instruct-v1%3A0/converse-stream',
      converseBody('Summarize: one two three four five six'),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    const frames = decodeFrames(reply.body);
    expect(frames.map((f) => f.eventType)).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(frames.every((f) => f.messageType === 'event')).toBe(true);
    expect(frames.at(-1)?.payload).toEqual({
      usage: { inputTokens: 7, outputTokens: 5, totalTokens: 12 },
      metrics: { latencyMs: 20 },
    });
  });

  it('sends an in-stream exception as an exception frame', async () => {
    standIn.queueFaults('meta.llama3-8b-instruct-v1:0', ['streamThrottle']);
    const reply = await post(
      standIn.url,
      '/model/meta.llama3-8b-instruct-v1%3A0/converse-stream',
      converseBody('a b c d e f'),
    );
    const last = decodeFrames(reply.body).at(-1);
    expect(last?.messageType).toBe('exception');
    expect(reply.body.includes(Buffer.from('throttlingException'))).toBe(true);
  });

  it('answers errors with status, x-amzn-errortype and a JSON message', async () => {
    standIn.queueFaults('meta.llama3-8b-instruct-v1:0', ['notFound']);
    const reply = await post(
      standIn.url,
      '/model/meta.llama3-8b-instruct-v1%3A0/converse',
      converseBody('x'),
    );
    expect(reply.status).toBe(404);
    expect(reply.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(reply.body.toString())).toEqual({
      message: 'Model not found: meta.llama3-8b-instruct-v1:0.',
    });
  });

  it('refuses unsigned requests', async () => {
    const reply = await post(
      standIn.url,
      '/model/meta.llama3-8b-instruct-v1%3A0/converse',
      converseBody('x'),
      '',
    );
    expect(reply.status).toBe(403);
  });
});

describe('the stand-in is deterministic', () => {
  const PLAN: FaultPlan = { throttle: 0.3, serverError: 0.05, malformed: 0.02, cutStream: 0.02 };

  it('draws faults in the planned proportions', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const fault = pickPlannedFault(PLAN, seededUniform(3, 'fault', `prompt ${i}`, 0)) ?? 'none';
      counts.set(fault, (counts.get(fault) ?? 0) + 1);
    }
    expect((counts.get('throttle') ?? 0) / 4000).toBeCloseTo(0.3, 1);
    expect((counts.get('serverError') ?? 0) / 4000).toBeCloseTo(0.05, 1);
    expect((counts.get('none') ?? 0) / 4000).toBeCloseTo(0.61, 1);
  });

  /** Sends 30 prompts at once and returns each prompt's fault. */
  async function faultsFor(seed: number): Promise<Map<string, FaultSpec | undefined>> {
    const standIn = await startBedrockStandIn({
      seed,
      faultPlan: { throttle: 0.3, serverError: 0.2 },
      fallbackModel: { latencyMs: 1 },
    });
    try {
      const client = clientFor(standIn, { maxAttempts: 1 });
      const ask = (i: number) =>
        converseOnce(client, {
          modelId: 'm',
          userText: `prompt ${i}`,
          maxTokens: 10,
          temperature: 0,
          topP: 1,
        }).catch(() => undefined);
      await Promise.all(Array.from({ length: 30 }, (_, i) => ask(i)));
      const text = (r: (typeof standIn.requests)[number]) =>
        r.body?.messages?.[0]?.content?.[0]?.text;
      return new Map(standIn.requests.map((r) => [text(r) ?? '', r.fault]));
    } finally {
      await standIn.close();
    }
  }

  it('gives the same prompts the same faults for the same seed, whatever the arrival order', async () => {
    const [a, b, c] = await Promise.all([faultsFor(11), faultsFor(11), faultsFor(12)]);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect([...a.entries()].sort()).not.toEqual([...c.entries()].sort());
    expect([...a.values()].filter((f) => f !== undefined).length).toBeGreaterThan(0);
  });

  it("writes a student summary whose words follow the teacher's (so ROUGE is meaningful)", () => {
    const body = converseBody(
      'Summarize this: ' + Array.from({ length: 80 }, (_, i) => `w${i}`).join(' '),
    );
    const teacher = words(OUTPUT_STYLES.teacher(body)).slice(1);
    const student = words(OUTPUT_STYLES.student(body)).slice(2);
    expect(teacher.length).toBeGreaterThan(student.length);
    let at = 0;
    for (const w of student) at = teacher.indexOf(w, at) + 1;
    expect(at).toBeGreaterThan(0);
  });

  it('splits text into chunks that add back up to it', () => {
    for (const text of ['', 'one', 'a b c', 'a  few   spaced words here and there ']) {
      for (const n of [1, 2, 3, 8, 50]) {
        const pieces = splitIntoChunks(text, n);
        expect(pieces.join('')).toBe(text);
        expect(pieces.length).toBeLessThanOrEqual(Math.max(1, n));
      }
    }
  });
});

describe('the stand-in as its own process', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stand-in-main-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its URL, serves the default models and can be scripted over HTTP', async () => {
    const outfile = join(dir, 'stand-in.cjs');
    await build({
      entryPoints: ['test/support/standInMain.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [outfile, '--latency-scale', '0.02', '--seed', '5'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: process.cwd(),
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /STAND_IN_URL=(\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const standIn = { url } as BedrockStandIn;
      const ask = {
        modelId: 'meta.llama3-8b-instruct-v1:0',
        userText: 'Summarize: a process of its own',
        maxTokens: 50,
        temperature: 0,
        topP: 1,
      };
      const m = await converseOnce(clientFor(standIn), ask);
      expect(m.serverLatencyMs).toBeGreaterThanOrEqual(7); // 350 ms × 0.02, plus jitter
      expect(m.text.startsWith('In short:')).toBe(true);

      await post(url, '/__stand-in/outputs/meta.llama3-8b-instruct-v1%3A0', ['{"score": 5}']);
      expect((await converseOnce(clientFor(standIn), ask)).text).toBe('{"score": 5}');
      const requests = await fetch(`${url}/__stand-in/requests`).then((r) => r.json());
      expect(requests).toHaveLength(2);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    }
  });
});
