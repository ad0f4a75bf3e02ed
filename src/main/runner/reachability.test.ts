import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBedrockClient } from '../bedrock/client';
import { canConnect, endpointOf, tcpProbe } from './reachability';

const client = (endpoint?: string) =>
  createBedrockClient({
    region: 'eu-west-1',
    ...(endpoint ? { endpoint } : {}),
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
    maxAttempts: 1,
    connectionTimeoutMs: 500,
    requestTimeoutMs: 500,
  });

describe('reachability', () => {
  const saved = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
    else process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = saved;
  });

  it('finds the endpoint the client sends to: explicit, from the environment, or AWS’s', async () => {
    expect((await endpointOf(client('http://127.0.0.1:4010'), 'eu-west-1')).href).toBe(
      'http://127.0.0.1:4010/',
    );
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = 'http://127.0.0.1:4011';
    expect((await endpointOf(client(), 'eu-west-1')).href).toBe('http://127.0.0.1:4011/');
    delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
    expect((await endpointOf(client(), 'eu-west-1')).host).toBe(
      'bedrock-runtime.eu-west-1.amazonaws.com',
    );
  });

  it('answers true while something listens and false once it is gone, without a request', async () => {
    let requests = 0;
    const server = createServer((socket) => {
      socket.once('data', () => requests++);
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    expect(await canConnect(new URL(url), 500)).toBe(true);
    expect(await tcpProbe(() => client(url))('eu-west-1')).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await tcpProbe(() => client(url))('eu-west-1')).toBe(false);
    expect(requests).toBe(0);
  });
});
