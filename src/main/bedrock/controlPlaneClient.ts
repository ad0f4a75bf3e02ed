/**
 * The one place a Bedrock control-plane client (ListFoundationModels, ListInferenceProfiles) is
 * built. Like the runtime client it speaks HTTP/1.1 with explicit timeouts, so a proxy or the
 * loopback stand-in can serve it, and an unreachable endpoint fails in seconds, not minutes.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { clientEndpoint } from '../credentials/configuredEndpoint';
import type { BedrockCredentials } from './client';

export interface ControlPlaneOptions {
  region: string;
  /**
   * Another control-plane endpoint (a proxy, a VPC endpoint, the stand-in). When absent,
   * AWS_ENDPOINT_URL_BEDROCK, then AWS_ENDPOINT_URL, then the AWS shared config, then the
   * regional endpoint, as the SDK would.
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
  // Checked here whatever set it (the setting, a flag, the SDK's variables and config files).
  const endpoint = clientEndpoint(['The control-plane endpoint', options.endpoint], 'Bedrock');
  return new BedrockClient({
    region: options.region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    credentials: options.credentials,
    requestHandler: jsonApiHandler(),
    retryMode: 'standard',
    maxAttempts: 3,
    authSchemePreference: ['sigv4'],
  });
}
