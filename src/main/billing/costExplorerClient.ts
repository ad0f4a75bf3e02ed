/**
 * The one place a Cost Explorer client is built. Cost Explorer answers only from us-east-1 in the
 * aws partition, whatever region the app calls Bedrock in. Like the other clients it speaks
 * HTTP/1.1 with explicit timeouts; the SDK's retries stay low because every request is billed
 * ($0.01 each), and a retried throttle is a request paid twice.
 */
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { BedrockCredentials } from '../bedrock/client';
import { jsonApiHandler } from '../bedrock/controlPlaneClient';
import { clientEndpoint } from '../credentials/configuredEndpoint';

export const COST_EXPLORER_REGION = 'us-east-1';

export function createCostExplorerClient(options: {
  credentials: BedrockCredentials;
  /** Else AWS_ENDPOINT_URL_COST_EXPLORER, AWS_ENDPOINT_URL, the AWS config files, then AWS's. */
  endpoint?: string;
}): CostExplorerClient {
  const endpoint = clientEndpoint(
    ['The Cost Explorer endpoint', options.endpoint],
    'Cost Explorer',
  );
  return new CostExplorerClient({
    region: COST_EXPLORER_REGION,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    credentials: options.credentials,
    requestHandler: jsonApiHandler(),
    maxAttempts: 1,
  });
}
