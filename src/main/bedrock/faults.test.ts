/**
 * Every fault the stand-in can inject, through the real SDK, ends as a classified
 * BedrockCallError; the stand-in's request log shows how many attempts the SDK spent.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor } from '../../../test/support/standInClient';
import type { FaultKind } from '../../../test/support/standInTypes';
import type { BedrockClientOptions } from './client';
import { converseOnce, streamCompletion, type CompletionRequest } from './converseStream';
import { BedrockCallError, classifyError, type BedrockErrorKind } from './errors';

const request = (modelId: string): CompletionRequest => ({
  modelId,
  userText: 'Summarize: a short prompt for fault tests',
  maxTokens: 100,
  temperature: 0,
  topP: 1,
});

type Operation = 'stream' | 'once';

interface Case {
  fault: FaultKind;
  kind: BedrockErrorKind;
  /** Requests the stand-in should see per operation with maxAttempts = 2. */
  attempts: Record<Operation, number>;
  failFast?: boolean;
  ops?: Operation[];
  client?: Partial<BedrockClientOptions>;
}

const CASES: Case[] = [
  { fault: 'throttle', kind: 'throttled', attempts: { stream: 2, once: 2 } },
  { fault: 'serverError', kind: 'server', attempts: { stream: 2, once: 2 } },
  { fault: 'unavailable', kind: 'server', attempts: { stream: 2, once: 2 } },
  { fault: 'modelNotReady', kind: 'server', attempts: { stream: 2, once: 2 } },
  // A 408 is a client-side fault in the SDK's model: not retried there, retryable for us.
  { fault: 'modelTimeout', kind: 'timeout', attempts: { stream: 1, once: 1 } },
  { fault: 'modelError', kind: 'server', attempts: { stream: 1, once: 1 } },
  {
    fault: 'accessDenied',
    kind: 'access_denied',
    attempts: { stream: 1, once: 1 },
    failFast: true,
  },
  { fault: 'validation', kind: 'validation', attempts: { stream: 1, once: 1 } },
  {
    fault: 'onDemandUnsupported',
    kind: 'validation',
    attempts: { stream: 1, once: 1 },
    failFast: true,
  },
  { fault: 'notFound', kind: 'not_found', attempts: { stream: 1, once: 1 }, failFast: true },
  {
    fault: 'badCredentials',
    kind: 'bad_credentials',
    attempts: { stream: 1, once: 1 },
    failFast: true,
  },
  {
    fault: 'expiredToken',
    kind: 'expired_credentials',
    attempts: { stream: 1, once: 1 },
    failFast: true,
  },
  {
    fault: 'hang',
    kind: 'timeout',
    attempts: { stream: 2, once: 2 },
    client: { requestTimeoutMs: 150 },
  },
  { fault: 'reset', kind: 'network', attempts: { stream: 2, once: 2 } },
  { fault: 'malformed', kind: 'malformed', attempts: { stream: 1, once: 1 } },
  // A cut body is retried by the SDK (ECONNRESET); a cut stream surfaces while we read it.
  { fault: 'cutStream', kind: 'stream_cut', attempts: { stream: 1, once: 2 } },
  // Headers arrived, then silence: only the idle (socket) timeout can end the call.
  {
    fault: 'stallStream',
    kind: 'timeout',
    attempts: { stream: 1, once: 2 },
    client: { requestTimeoutMs: 5_000, idleTimeoutMs: 150 },
  },
  // A frame garbled in transit (bad prelude CRC32): the decoder's plain Error, read by shape.
  { fault: 'badChecksum', kind: 'malformed', attempts: { stream: 1, once: 1 } },
  {
    fault: 'stallAfterHeaders',
    kind: 'timeout',
    attempts: { stream: 2, once: 2 },
    client: { requestTimeoutMs: 5_000, idleTimeoutMs: 150 },
  },
  { fault: 'streamThrottle', kind: 'throttled', attempts: { stream: 1, once: 0 }, ops: ['stream'] },
  { fault: 'streamModelError', kind: 'server', attempts: { stream: 1, once: 0 }, ops: ['stream'] },
];

async function failingCall(
  standIn: BedrockStandIn,
  op: Operation,
  modelId: string,
  client: Partial<BedrockClientOptions> = {},
): Promise<BedrockCallError> {
  const bedrock = clientFor(standIn, { maxAttempts: 2, ...client });
  const call = op === 'stream' ? streamCompletion : converseOnce;
  const error = await call(bedrock, request(modelId)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BedrockCallError))
    throw new Error(`expected a BedrockCallError, got ${String(error)}`);
  return error;
}

describe('faults end as classified errors', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({ fallbackModel: { latencyMs: 20, ttftMs: 5, chunks: 6 } });
  });
  afterAll(() => standIn.close());

  const rows = CASES.flatMap((c) =>
    (c.ops ?? (['stream', 'once'] as const)).map((op) => ({ ...c, op })),
  );
  // Each row uses its own model id, so rows can run at once on one stand-in.
  it.concurrent.each(rows)(
    '$fault ($op) → $kind',
    async ({ fault, kind, attempts, failFast, op, client }) => {
      const modelId = `fault.${fault}.${op}`;
      standIn.queueFaults(modelId, [fault, fault, fault]);
      const error = await failingCall(standIn, op, modelId, client);
      const c = classifyError(error);
      expect(c.kind).toBe(kind);
      expect(c.failFastPerModel).toBe(failFast ?? false);
      expect(c.retryable).toBe(!failFast && kind !== 'validation');
      expect(c.userMessage.length).toBeGreaterThan(10);
      const seen = standIn.requestsFor(modelId);
      expect(seen).toHaveLength(attempts[op]);
      expect(seen.length).toBeLessThanOrEqual(2);
      // Retries of one call share an invocation id: nothing was sent twice as a new call.
      expect(new Set(seen.map((r) => r.invocationId)).size).toBe(1);
      expect(seen.map((r) => r.attempt)).toEqual(seen.map((_, i) => i + 1));
    },
  );

  it.concurrent('throttling is tried no more than maxAttempts times (3)', async () => {
    standIn.queueFaults('fault.throttle.3', ['throttle', 'throttle', 'throttle', 'throttle']);
    const error = await failingCall(standIn, 'once', 'fault.throttle.3', { maxAttempts: 3 });
    expect(classifyError(error).kind).toBe('throttled');
    expect(error.attempts).toBe(3);
    expect(standIn.requestsFor('fault.throttle.3')).toHaveLength(3);
  });

  it.concurrent(
    'a retried fault followed by success returns the answer with attempts = 2',
    async () => {
      standIn.queueFaults('fault.recovers', ['serverError']);
      const m = await streamCompletion(
        clientFor(standIn, { maxAttempts: 2 }),
        request('fault.recovers'),
      );
      expect(m.attempts).toBe(2);
      expect(m.serverLatencyMs).toBe(20);
      expect(standIn.requestsFor('fault.recovers')).toHaveLength(2);
    },
  );

  it.concurrent('the on-demand validation error points at an inference profile id', async () => {
    const modelId = 'meta.llama3-2-3b-instruct-v1:0';
    standIn.queueFaults(modelId, ['onDemandUnsupported']);
    const error = await failingCall(standIn, 'once', modelId);
    expect(error.classification.userMessage).toContain(`us.${modelId}`);
  });

  it.concurrent('access denied names the model and the region', async () => {
    const modelId = 'meta.llama3-70b-instruct-v1:0';
    standIn.queueFaults(modelId, ['accessDenied']);
    const error = await failingCall(standIn, 'stream', modelId, { region: 'us-west-2' });
    expect(error.classification.userMessage).toMatch(
      /Model access not granted.*meta\.llama3-70b.*us-west-2/,
    );
  });

  it.concurrent('a model with a standing fault fails every call the same way', async () => {
    standIn.setModel('fault.always', { alwaysFault: 'notFound' });
    for (let i = 0; i < 2; i++) {
      expect(classifyError(await failingCall(standIn, 'once', 'fault.always')).kind).toBe(
        'not_found',
      );
    }
    expect(standIn.requestsFor('fault.always')).toHaveLength(2);
  });

  it.concurrent('an unknown model id is a fail-fast validation error', async () => {
    const standInStrict = await startBedrockStandIn({ models: {} });
    try {
      const c = classifyError(await failingCall(standInStrict, 'once', 'no.such-model-v1:0'));
      expect(c).toMatchObject({ kind: 'validation', failFastPerModel: true });
    } finally {
      await standInStrict.close();
    }
  });
});

describe('credentials the stand-in rejects', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      fallbackModel: { latencyMs: 5 },
      badAccessKeyIds: ['AKIDWRONG'],
      expiredAccessKeyIds: ['ASIAEXPIRED'],
    });
  });
  afterAll(() => standIn.close());

  it('wrong keys: bad_credentials after exactly one attempt', async () => {
    const credentials = { accessKeyId: 'AKIDWRONG', secretAccessKey: 'x' };
    const error = await failingCall(standIn, 'stream', 'm.wrong', { credentials });
    expect(error.classification).toMatchObject({
      kind: 'bad_credentials',
      awsName: 'UnrecognizedClientException',
      httpStatus: 403,
      failFastPerModel: true,
    });
    expect(standIn.requestsFor('m.wrong')).toHaveLength(1);
  });

  it('an expired session token: expired_credentials after exactly one attempt', async () => {
    const credentials = { accessKeyId: 'ASIAEXPIRED', secretAccessKey: 'x', sessionToken: 't' };
    const error = await failingCall(standIn, 'once', 'm.expired', { credentials });
    expect(error.classification.kind).toBe('expired_credentials');
    expect(standIn.requestsFor('m.expired')).toHaveLength(1);
  });
});

describe('credentials that fail before any request', () => {
  const START_URL = 'https://example.awsapps.com/start';
  let home: string;
  let savedHome: string | undefined;
  let standIn: BedrockStandIn;

  beforeAll(async () => {
    // A real ~/.aws with an SSO profile whose cached login expired in 2020, read by the SDK's
    // own fromIni provider: the same path a user's stale `aws sso login` takes.
    home = await mkdtemp(join(tmpdir(), 'distill-sso-'));
    savedHome = process.env.HOME;
    process.env.HOME = home;
    const cache = join(home, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(
      join(home, '.aws', 'config'),
      [
        '[profile stale-sso]',
        `sso_start_url = ${START_URL}`,
        'sso_region = us-east-1',
        'sso_account_id = 123456789012',
        'sso_role_name = Dev',
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(cache, `${createHash('sha1').update(START_URL).digest('hex')}.json`),
      JSON.stringify({
        startUrl: START_URL,
        region: 'us-east-1',
        accessToken: 'stale',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    standIn = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
  });
  afterAll(async () => {
    if (savedHome === undefined) delete process.env.HOME;
    else process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
    await standIn.close();
  });

  const configFilepath = () => join(home, '.aws', 'config');
  const credentialsFilepath = () => join(home, '.aws', 'credentials');

  it('an expired SSO login: expired_credentials, nothing sent', async () => {
    const credentials = fromIni({
      profile: 'stale-sso',
      configFilepath: configFilepath(),
      filepath: credentialsFilepath(),
    });
    const error = await failingCall(standIn, 'stream', 'm.sso', { credentials });
    expect(error.classification).toMatchObject({
      kind: 'expired_credentials',
      failFastPerModel: true,
    });
    expect(error.classification.userMessage).toContain('aws sso login');
    expect(error.classification.detail).toMatch(/SSO session .*has expired/);
    expect(standIn.requests).toHaveLength(0);
  });

  it('a profile that does not exist: bad_credentials, nothing sent', async () => {
    const credentials = fromIni({
      profile: 'nobody',
      configFilepath: configFilepath(),
      filepath: credentialsFilepath(),
    });
    const error = await failingCall(standIn, 'once', 'm.noprofile', { credentials });
    expect(error.classification.kind).toBe('bad_credentials');
    expect(error.classification.detail).toMatch(/nobody/);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('when Bedrock cannot be reached', () => {
  it('offline (the stand-in stops listening): network, retried up to maxAttempts, then back', async () => {
    const standIn = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
    try {
      await standIn.setOffline(true);
      const error = await failingCall(standIn, 'stream', 'm.offline');
      expect(error.classification).toMatchObject({ kind: 'network', retryable: true });
      expect(error.classification.userMessage).toContain('ECONNREFUSED');
      expect(error.attempts).toBe(2);
      expect(standIn.requests).toHaveLength(0);
      await standIn.setOffline(false);
      const m = await converseOnce(clientFor(standIn), request('m.offline'));
      expect(m.serverLatencyMs).toBe(5);
    } finally {
      await standIn.close();
    }
  });

  it('a closed port: network (connection refused)', async () => {
    const gone = await startBedrockStandIn();
    await gone.close();
    const error = await failingCall(gone, 'once', 'm.refused');
    expect(error.classification.kind).toBe('network');
  });
});
