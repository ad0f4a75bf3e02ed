/**
 * The offline check: can a TCP connection to Bedrock's endpoint be opened? DNS failure, refused
 * or unreachable means offline. It costs nothing (no model call, no request at all), so the run
 * can ask every few seconds while it waits for the network to come back.
 */
import { connect } from 'node:net';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

interface EndpointV1 {
  protocol: string;
  hostname: string;
  port?: number;
}

interface EndpointConfig {
  endpoint?: () => Promise<EndpointV1>;
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  ignoreConfiguredEndpointUrls?: boolean;
  endpointProvider: (params: Record<string, unknown>) => { url: URL };
}

/**
 * The endpoint the client sends to, in the SDK's own order: an explicit `endpoint`, then the
 * AWS_ENDPOINT_URL_BEDROCK_RUNTIME family of settings (unless the client ignores them, as the
 * app's do: createBedrockClient passes the one it checked as `endpoint`), then the region's.
 */
export async function endpointOf(client: BedrockRuntimeClient, region: string): Promise<URL> {
  const config = client.config as unknown as EndpointConfig;
  if (config.endpoint) {
    const e = await config.endpoint();
    const port = e.port === undefined ? '' : `:${e.port}`;
    return new URL(`${e.protocol.replace(/:?$/, ':')}//${e.hostname}${port}`);
  }
  const configured = config.ignoreConfiguredEndpointUrls
    ? undefined
    : await config.serviceConfiguredEndpoint?.();
  if (configured) return new URL(configured);
  return config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false }).url;
}

export function canConnect(url: URL, timeoutMs: number): Promise<boolean> {
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** The runner's default `probeOnline`: a TCP connect to the endpoint of the region's client. */
export function tcpProbe(
  clientFor: (region: string) => BedrockRuntimeClient,
  timeoutMs = 3_000,
): (region: string) => Promise<boolean> {
  return async (region) => {
    try {
      return await canConnect(await endpointOf(clientFor(region), region), timeoutMs);
    } catch {
      return false;
    }
  };
}
