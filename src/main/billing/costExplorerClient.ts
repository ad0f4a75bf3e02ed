/**
 * The one place a Cost Explorer client is built. Cost Explorer answers only from us-east-1 in the
 * aws partition, whatever region the app calls Bedrock in. Like the other clients it speaks
 * HTTP/1.1 with explicit timeouts; the SDK's retries stay low because every request is billed
 * ($0.01 each), and a retried throttle is a request paid twice.
 */
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { BedrockCredentials } from '../bedrock/client';
import { jsonApiHandler } from '../bedrock/controlPlaneClient';
import { clientEndpoint } from '../common/endpoints';

export const COST_EXPLORER_REGION = 'us-east-1';

export function createCostExplorerClient(options: {
  credentials: BedrockCredentials;
  /** Else AWS_ENDPOINT_URL_COST_EXPLORER, then AWS's (ce.us-east-1.amazonaws.com). */
  endpoint?: string;
}): CostExplorerClient {
  clientEndpoint([
    ['The Cost Explorer endpoint', options.endpoint],
    ['AWS_ENDPOINT_URL_COST_EXPLORER', process.env.AWS_ENDPOINT_URL_COST_EXPLORER],
  ]);
  return new CostExplorerClient({
    region: COST_EXPLORER_REGION,
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    credentials: options.credentials,
    requestHandler: jsonApiHandler(),
    maxAttempts: 1,
  });
}
