/** Bedrock clients for the CLI: one per region, with the profile's or the default credentials. */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DERIVED_HANG_LIMITS, type HangSettings } from '../../shared/domain/settings';
import { createBedrockClient, socketTimeouts } from '../bedrock/client';
import { checkedCredentials } from '../credentials/signInEndpoints';

/**
 * The SDK does not retry: its retries wait out their back-off inside a slot of the run, out of
 * sight. The runner retries instead (runner/retryPolicy.ts), with each attempt stored and its
 * back-off spent outside the slots, so it gets the SDK's share of tries as well.
 */
export const CLI_SDK_ATTEMPTS = 1;
export const CLI_RUNNER_TUNING = { maxRequeues: 10 } as const;

export interface CliClients {
  clientFor(region: string): BedrockRuntimeClient;
  /** Closes pooled connections so the process can exit at once. */
  destroy(): void;
}

export function cliClients(options: {
  endpoint: string | undefined;
  profile: string | undefined;
  /** The hang limits set with --stall-first-event / --stall-idle: the socket waits longer. */
  hang?: HangSettings;
}): CliClients {
  const credentials = checkedCredentials({ profile: options.profile });
  const clients = new Map<string, BedrockRuntimeClient>();
  const clientFor = (region: string): BedrockRuntimeClient => {
    let client = clients.get(region);
    if (!client) {
      client = createBedrockClient({
        region,
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        credentials,
        maxAttempts: CLI_SDK_ATTEMPTS,
        connectionTimeoutMs: 5_000,
        // Headers of a streamed answer come once the model starts; long answers keep the
        // socket busy, so a minute of silence means the call is stuck (or longer, when a
        // longer hang limit was set: the runner's hang detection ends a hang first).
        ...socketTimeouts(60_000, options.hang ?? DERIVED_HANG_LIMITS),
      });
      clients.set(region, client);
    }
    return client;
  };
  return { clientFor, destroy: () => clients.forEach((c) => c.destroy()) };
}
