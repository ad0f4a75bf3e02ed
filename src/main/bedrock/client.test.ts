import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { clientFor, TEST_KEYS } from '../../../test/support/standInClient';
import { createBedrockClient } from './client';
import { converseOnce } from './converseStream';

const ask = (modelId: string) => ({
  modelId,
  userText: 'Summarize: loopback servers make fast tests',
  maxTokens: 50,
  temperature: 0,
  topP: 1,
});

/** Sets environment variables for one test and puts the old values back afterwards. */
const savedEnv = new Map<string, string | undefined>();
function setEnv(name: string, value: string): void {
  if (!savedEnv.has(name)) savedEnv.set(name, process.env[name]);
  process.env[name] = value;
}
afterEach(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  savedEnv.clear();
});

const TEST_KEYS_OPTIONS = {
  region: 'us-east-1',
  credentials: TEST_KEYS,
  maxAttempts: 1,
  connectionTimeoutMs: 100,
  requestTimeoutMs: 100,
};

describe('createBedrockClient', () => {
  let standIn: BedrockStandIn;
  beforeAll(async () => {
    standIn = await startBedrockStandIn({ fallbackModel: { latencyMs: 5 } });
  });
  afterAll(() => standIn.close());

  it('uses HTTP/1.1 with explicit timeouts, standard retries and the given attempts', async () => {
    const client = clientFor(standIn, { maxAttempts: 3 });
    expect(client.config.requestHandler).toBeInstanceOf(NodeHttpHandler);
    expect(await client.config.retryStrategy()).toMatchObject({ mode: 'standard' });
    expect(await client.config.maxAttempts()).toBe(3);
  });

  it('signs with SigV4 for the bedrock service in the configured region', async () => {
    standIn.clearRequests();
    const client = clientFor(standIn, { region: 'eu-west-1' });
    await converseOnce(client, ask('meta.llama3-8b-instruct-v1:0'));
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({
      authScheme: 'sigv4',
      accessKeyId: TEST_KEYS.accessKeyId,
      region: 'eu-west-1',
      attempt: 1,
    });
  });

  it('delivers percent-encoded model ids, including ARNs with slashes, decoded', async () => {
    standIn.clearRequests();
    const client = clientFor(standIn);
    const arn =
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0';
    await converseOnce(client, ask('meta.llama3-8b-instruct-v1:0'));
    await converseOnce(client, ask(arn));
    expect(standIn.requests.map((r) => r.modelId)).toEqual(['meta.llama3-8b-instruct-v1:0', arn]);
  });

  it('follows AWS_ENDPOINT_URL_BEDROCK_RUNTIME when no endpoint is given (the SDK does it)', async () => {
    standIn.clearRequests();
    setEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', standIn.url);
    const client = createBedrockClient({
      region: 'us-east-1',
      credentials: TEST_KEYS,
      maxAttempts: 1,
      connectionTimeoutMs: 1_000,
      requestTimeoutMs: 2_000,
    });
    await converseOnce(client, ask('amazon.nova-micro-v1:0'));
    expect(standIn.requestsFor('amazon.nova-micro-v1:0')).toHaveLength(1);
  });

  it('prefers the endpoint option over the environment variable', async () => {
    standIn.clearRequests();
    setEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'http://127.0.0.1:9');
    await converseOnce(clientFor(standIn), ask('amazon.nova-lite-v1:0'));
    expect(standIn.requestsFor('amazon.nova-lite-v1:0')).toHaveLength(1);
  });

  it('refuses to send signed requests in clear text to another computer, or to a URL with credentials', () => {
    const make = (endpoint?: string) =>
      createBedrockClient({ ...TEST_KEYS_OPTIONS, ...(endpoint ? { endpoint } : {}) });
    expect(() => make('http://bedrock.example.com')).toThrow(/https:\/\//);
    expect(() => make('http://10.0.0.5:8080')).toThrow(/unencrypted/);
    expect(() => make('https://user:secret@vpce.example.com')).toThrow(/user name or password/);
    setEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'http://bedrock.example.com');
    expect(() => make()).toThrow(/unencrypted/);
    // Loopback and https stay allowed.
    expect(() => make('http://localhost:4010')).not.toThrow();
    expect(() => make('https://bedrock-runtime.us-east-1.amazonaws.com')).not.toThrow();
  });

  it('keeps SigV4 with the chosen keys even when AWS_BEARER_TOKEN_BEDROCK is set', async () => {
    standIn.clearRequests();
    setEnv('AWS_BEARER_TOKEN_BEDROCK', 'ambient-token-that-must-not-be-used');
    await clientFor(standIn).send(
      new ConverseCommand({
        modelId: 'm',
        messages: [{ role: 'user', content: [{ text: 'hi' }] }],
      }),
    );
    expect(standIn.requests[0]).toMatchObject({
      authScheme: 'sigv4',
      accessKeyId: TEST_KEYS.accessKeyId,
    });
  });

  it('accepts a credential provider function', async () => {
    standIn.clearRequests();
    const client = clientFor(standIn, {
      credentials: async () => ({ accessKeyId: 'AKIDFROMPROVIDER', secretAccessKey: 's' }),
    });
    await converseOnce(client, ask('m'));
    expect(standIn.requests[0]?.accessKeyId).toBe('AKIDFROMPROVIDER');
  });

  it('opens no more than maxConnections sockets at once', async () => {
    standIn.setModel('m.pool', { latencyMs: 40 });
    standIn.clearRequests();
    const client = clientFor(standIn, { maxConnections: 2 });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        converseOnce(client, { ...ask('m.pool'), userText: `${i}` }),
      ),
    );
    expect(standIn.requests).toHaveLength(6);
    expect(standIn.maxInFlight).toBe(2);
  });

  it('refuses a nonsensical attempt count', () => {
    expect(() => clientFor(standIn, { maxAttempts: 0 })).toThrow(RangeError);
  });
});
