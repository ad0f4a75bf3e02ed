/**
 * The one place a Bedrock control-plane client (ListFoundationModels, ListInferenceProfiles) is
 * built. Like the runtime client it speaks HTTP/1.1 with explicit timeouts, so a proxy or the
 * loopback stand-in can serve it, and an unreachable endpoint fails in seconds, not minutes.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { clientEndpoint } from '../common/endpoints';
import type { BedrockCredentials } from './client';

export interface ControlPlaneOptions {
  region: string;
  /**
   * Another control-plane endpoint (a proxy, a VPC endpoint, the stand-in). When absent the SDK
   * honours AWS_ENDPOINT_URL_BEDROCK, then AWS_ENDPOINT_URL, then the regional endpoint.
   */
  endpoint?: string;
  credentials: BedrockCredentials;
}

/**
 * HTTP/1.1 with explicit timeouts for AWS's small JSON APIs (control plane, Price List query,
 * Cost Explorer): a proxy or a stand-in can serve it, and an unreachable endpoint fails fast.
 */
export const jsonApiHandler = (): NodeHttpHandler =>
  new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    throwOnRequestTimeout: true,
  });

export function createControlPlaneClient(options: ControlPlaneOptions): BedrockClient {
  // Checked here whatever set it (the setting, a flag, the SDK's environment variables).
  clientEndpoint([
    ['The control-plane endpoint', options.endpoint],
    ['AWS_ENDPOINT_URL_BEDROCK', process.env.AWS_ENDPOINT_URL_BEDROCK],
  ]);
  return new BedrockClient({
    region: options.region,
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    credentials: options.credentials,
    requestHandler: jsonApiHandler(),
    retryMode: 'standard',
    maxAttempts: 3,
    authSchemePreference: ['sigv4'],
  });
}
