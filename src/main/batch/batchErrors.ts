/**
 * S3 and control-plane errors in words a user can act on, naming the bucket, the role or the
 * field. AWS's own message is quoted masked (redactSecrets): a signature error quotes the
 * canonical request, session token included.
 */
import { redactSecrets } from '../../shared/security/redactSecrets';

export class BatchSetupError extends Error {
  override readonly name = 'BatchSetupError';
  constructor(
    message: string,
    /** A model has fewer records than a batch job's minimum: on demand is the way to run it. */
    readonly belowMinimum = false,
  ) {
    super(message);
  }
}

interface AwsLikeError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

const asAws = (e: unknown): AwsLikeError => (typeof e === 'object' && e !== null ? e : {});

export function describeS3Error(e: unknown, bucket: string, region: string): string {
  const err = asAws(e);
  const code = err.Code ?? err.name ?? 'Error';
  const status = err.$metadata?.httpStatusCode;
  const home = err.$response?.headers?.['x-amz-bucket-region'];
  if (code === 'NoSuchBucket' || (status === 404 && code === 'NotFound')) {
    return `The S3 bucket "${bucket}" does not exist (check the S3 location).`;
  }
  if (code === 'AccessDenied' || status === 403) {
    return `Access to the S3 bucket "${bucket}" was denied: the credentials need s3:PutObject, s3:GetObject and s3:ListBucket on it.`;
  }
  if (
    code === 'PermanentRedirect' ||
    code === 'AuthorizationHeaderMalformed' ||
    code === 'IllegalLocationConstraintException' ||
    status === 301
  ) {
    return `The S3 bucket "${bucket}" is in ${home ?? 'another region'}, not ${region}: Bedrock jobs need a bucket in their own region.`;
  }
  return `S3 request on bucket "${bucket}" failed: ${code}${err.message ? `: ${redactSecrets(err.message)}` : ''}`;
}

export function describeBedrockError(e: unknown, roleArn: string): string {
  const err = asAws(e);
  const code = err.name ?? 'Error';
  if (code === 'AccessDeniedException') {
    return `Bedrock refused the request: ${redactSecrets(err.message ?? 'access denied')} (check that you may pass the service role ${roleArn} and use batch inference).`;
  }
  return `${code}: ${redactSecrets(err.message ?? 'no message')}`;
}

/** Errors worth waiting out (the SDK already retried a few times): throttling, 5xx, network. */
export function isTransient(e: unknown): boolean {
  const err = asAws(e);
  const status = err.$metadata?.httpStatusCode;
  if (status !== undefined) return status === 429 || status >= 500;
  return ['ThrottlingException', 'TimeoutError', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE'].some(
    (n) => err.name === n || (err as { code?: string }).code === n,
  );
}
