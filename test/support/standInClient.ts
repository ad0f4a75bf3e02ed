/**
 * A real Bedrock client (the app's own factory) aimed at a stand-in, with fake keys and short
 * timeouts, for tests of anything that calls Bedrock.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createBedrockClient, type BedrockClientOptions } from '../../src/main/bedrock/client';
import type { BedrockStandIn } from './bedrockStandIn';

export const TEST_KEYS = { accessKeyId: 'AKIDSTANDINTEST', secretAccessKey: 'stand-in-secret' };

export function clientFor(
  standIn: BedrockStandIn,
  overrides: Partial<BedrockClientOptions> = {},
): BedrockRuntimeClient {
  return createBedrockClient({
    region: 'us-east-1',
    endpoint: standIn.url,
    credentials: TEST_KEYS,
    maxAttempts: 2,
    connectionTimeoutMs: 1_000,
    requestTimeoutMs: 5_000,
    ...overrides,
  });
}
