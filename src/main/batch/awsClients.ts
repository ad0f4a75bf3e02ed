/**
 * The S3 and Bedrock control-plane clients batch inference uses, built in one place. Both use
 * HTTP/1.1 with timeouts (as the runtime client does) and SigV4 only.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BedrockCredentials } from '../bedrock/client';
import { clientEndpoint } from '../credentials/configuredEndpoint';

export interface BatchClientOptions {
  region: string;
  credentials: BedrockCredentials;
  /** Loopback stand-ins in tests; otherwise the SDK's own resolution (AWS_ENDPOINT_URL_S3 ...). */
  s3Endpoint?: string;
  bedrockEndpoint?: string;
  serviceQuotasEndpoint?: string;
  /** SDK attempts per control-plane or S3 request (standard retry mode). */
  maxAttempts?: number;
}

export interface BatchClients {
  s3: S3Client;
  bedrock: BedrockClient;
  /** Reads the account's batch quotas; never needed for a batch to go ahead (see accountQuotas). */
  quotas: ServiceQuotasClient;
  destroy(): void;
}

const handler = (timeoutMs = 120_000) =>
  new NodeHttpHandler({
    httpAgent: { keepAlive: true, maxSockets: 16 },
    httpsAgent: { keepAlive: true, maxSockets: 16 },
    connectionTimeout: 10_000,
    requestTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    throwOnRequestTimeout: true,
  });

export function createBatchClients(given: BatchClientOptions): BatchClients {
  // Endpoints from the environment and the AWS config files are resolved here rather than by the
  // SDK (whose own lookup is off) so that a custom S3 endpoint (a stand-in, MinIO) is addressed
  // path-style, which loopback hosts require; each is checked by the endpoint rules, naming
  // where it came from (credentials/configuredEndpoint.ts).
  const o = {
    ...given,
    s3Endpoint: clientEndpoint(['The S3 endpoint', given.s3Endpoint], 'S3'),
    bedrockEndpoint: clientEndpoint(
      ['The control-plane endpoint', given.bedrockEndpoint],
      'Bedrock',
    ),
  };
  const quotasEndpoint = clientEndpoint(
    ['The Service Quotas endpoint', given.serviceQuotasEndpoint],
    'Service Quotas',
  );
  const maxAttempts = o.maxAttempts ?? 5;
  const s3 = new S3Client({
    region: o.region,
    credentials: o.credentials,
    ...(o.s3Endpoint !== undefined ? { endpoint: o.s3Endpoint, forcePathStyle: true } : {}),
    ignoreConfiguredEndpointUrls: true,
    // Checksums only where S3 requires them: by default the SDK sends uploads as `aws-chunked`
    // bodies with a checksum trailer, which S3-compatible servers (s3rver, MinIO gateways, the
    // test stand-in) do not all decode. Real S3 accepts both; integrity of what is read back is
    // checked by the record-level reconciliation with the job's manifest instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: handler(),
    retryMode: 'standard',
    maxAttempts,
  });
  const bedrock = new BedrockClient({
    region: o.region,
    credentials: o.credentials,
    ...(o.bedrockEndpoint !== undefined ? { endpoint: o.bedrockEndpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    requestHandler: handler(),
    retryMode: 'standard',
    maxAttempts,
    authSchemePreference: ['sigv4'],
  });
  // Quotas are a nicety of planning, not a step of it: a short timeout and two attempts, so an
  // offline machine plans from the last read (or the defaults) without a long wait.
  const quotas = new ServiceQuotasClient({
    region: o.region,
    credentials: o.credentials,
    ...(quotasEndpoint !== undefined ? { endpoint: quotasEndpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    requestHandler: handler(15_000),
    retryMode: 'standard',
    maxAttempts: 2,
  });
  return {
    s3,
    bedrock,
    quotas,
    destroy: () => {
      s3.destroy();
      bedrock.destroy();
      quotas.destroy();
    },
  };
}
