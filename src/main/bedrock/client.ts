/**
 * The one place a Bedrock Runtime client is built. Everything that affects how calls are
 * measured or retried is set explicitly here, never left to SDK defaults or ambient config,
 * so that a run's latency figures mean the same thing on every machine.
 */
import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HangSettings } from '../../shared/domain/settings';
import { clientEndpoint } from '../credentials/configuredEndpoint';

/** Static keys or a provider such as `fromIni({ profile })` from @aws-sdk/credential-providers. */
export type BedrockCredentials = NonNullable<BedrockRuntimeClientConfig['credentials']>;

export interface BedrockClientOptions {
  region: string;
  /**
   * Overrides the service endpoint. When absent, AWS_ENDPOINT_URL_BEDROCK_RUNTIME (then
   * AWS_ENDPOINT_URL, then the AWS shared config) is used, as the SDK would, which is how tests
   * and benchmarks point the app at the loopback stand-in.
   */
  endpoint?: string;
  credentials: BedrockCredentials;
  /** Total tries per call, first one included (SDK 'standard' retry mode). */
  maxAttempts: number;
  /** Time allowed to open the TCP connection. */
  connectionTimeoutMs: number;
  /** Time allowed from sending the request until the response headers arrive. */
  requestTimeoutMs: number;
  /**
   * Longest silence allowed on the socket once connected, which is what catches a stream that
   * stalls after its headers (requestTimeout stops counting at the headers). Defaults to
   * requestTimeoutMs.
   */
  idleTimeoutMs?: number;
  /**
   * Most sockets open at once (default 50, the handler's own default, made explicit). Calls
   * beyond it wait for a free socket inside the client, and that wait would count as model
   * latency, so the runner's concurrency must stay at or below it.
   */
  maxConnections?: number;
}

/**
 * The socket's own timeouts, no shorter than the hang limits the analyst set: the runner's hang
 * detection ends a silent stream at the limit set, and a longer limit than `defaultMs` (for a
 * model that is slow, not hung) must not be cut short by the socket first. The second of margin
 * leaves the hang detection to fire first, with its message naming the limit.
 */
export function socketTimeouts(
  defaultMs: number,
  set: HangSettings,
): { requestTimeoutMs: number; idleTimeoutMs: number } {
  const margin = (ms: number | null) => (ms === null ? 0 : ms + 1_000);
  const requestTimeoutMs = Math.max(defaultMs, margin(set.stallFirstEventMs));
  return { requestTimeoutMs, idleTimeoutMs: Math.max(requestTimeoutMs, margin(set.stallIdleMs)) };
}

export function createBedrockClient(options: BedrockClientOptions): BedrockRuntimeClient {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer ≥ 1, got ${options.maxAttempts}`);
  }
  // Settings and the CLI check the endpoint too, naming the field or flag; this is the last gate
  // before signed requests leave, and it also covers the SDK's own variables and config files.
  const endpoint = clientEndpoint(['The endpoint', options.endpoint], 'Bedrock Runtime');
  const maxSockets = options.maxConnections ?? 50;
  return new BedrockRuntimeClient({
    region: options.region,
    // The checked endpoint, else the regional one: the SDK's own lookup of variables and config
    // files is off, so it cannot pick an endpoint the rules did not see (client.test.ts).
    ...(endpoint !== undefined ? { endpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    credentials: options.credentials,
    // The client's default handler is HTTP/2 with no timeouts. HTTP/1.1 lets one plain
    // node:http stand-in serve tests, and both timeouts default to "wait forever".
    requestHandler: new NodeHttpHandler({
      httpAgent: { keepAlive: true, maxSockets },
      httpsAgent: { keepAlive: true, maxSockets },
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      socketTimeout: options.idleTimeoutMs ?? options.requestTimeoutMs,
      // Without this a breached requestTimeout only logs a warning and the call hangs on.
      throwOnRequestTimeout: true,
    }),
    retryMode: 'standard',
    maxAttempts: options.maxAttempts,
    // AWS_BEARER_TOKEN_BEDROCK in the environment would otherwise make the SDK prefer bearer
    // auth and silently ignore the credentials the user picked in the app.
    authSchemePreference: ['sigv4'],
  });
}
