import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { AwsSettings } from '../../shared/domain/settings';
import { resolveCredentialProvider } from '../credentials/provider';
import { checkedCredentials } from '../credentials/signInEndpoints';
import type { SecretStore } from '../credentials/secretStore';
import type { AccessKeys } from '../credentials/accessKeys';
import { createBedrockClient, socketTimeouts, type BedrockCredentials } from './client';

/** Call settings for every client the app makes; the runner adds its own retries on top. */
export const CLIENT_DEFAULTS = {
  maxAttempts: 3,
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 60_000,
  maxConnections: 50,
} as const;

export interface ClientPool {
  clientFor(region: string): BedrockRuntimeClient;
  /** Drops every client, so the next call picks up new settings or keys. */
  invalidate(): void;
}

/** The credentials source the settings name: the runtime, the control plane and the batch
 * clients (S3, invocation jobs) all use it. */
export function credentialsFor(s: AwsSettings, store: SecretStore): BedrockCredentials {
  return s.credentialMode === 'default-chain'
    ? checkedCredentials()
    : s.credentialMode === 'profile'
      ? resolveCredentialProvider({ mode: 'profile', profile: s.profile ?? 'default' }, store)
      : resolveCredentialProvider({ mode: 'keys' }, store);
}

/**
 * A client for `region` as `s` says: its credentials source and endpoint. `typedKeys` (keys
 * typed into Settings and not saved yet) replace the keychain's keys when given.
 */
export function buildClient(
  s: AwsSettings,
  store: SecretStore,
  region: string,
  typedKeys?: AccessKeys,
): BedrockRuntimeClient {
  return createBedrockClient({
    region,
    credentials: typedKeys ?? credentialsFor(s, store),
    ...CLIENT_DEFAULTS,
    ...socketTimeouts(CLIENT_DEFAULTS.requestTimeoutMs, s),
    ...(s.endpointOverride ? { endpoint: s.endpointOverride } : {}),
  });
}

/** One client per region, built from the current settings and credentials source. */
export function createClientPool(settings: () => AwsSettings, store: SecretStore): ClientPool {
  const clients = new Map<string, BedrockRuntimeClient>();
  return {
    clientFor(region) {
      let client = clients.get(region);
      if (!client) {
        client = buildClient(settings(), store, region);
        clients.set(region, client);
      }
      return client;
    },
    invalidate() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
