/**
 * Turns anything a Bedrock call can throw (SDK service exceptions, credential-provider errors,
 * Node socket errors, handler timeouts, aborts, JSON/event-stream decoding failures) into one
 * small classification the runner and the UI can act on without knowing the SDK.
 *
 * `retryable` answers "may the same call succeed if tried again later?" — the SDK has already
 * spent its own attempts on the transient ones by the time we see them.
 * `failFastPerModel` answers "will every other call to this model fail the same way?" — the
 * runner stops calling the model instead of burning through the dataset.
 */

import { redact } from '../log';
import type { SdkAttempt } from './attemptTimeline';
import { byAwsName, byCredentialProvider, byStatus, byTransport } from './errorRules';
import type {
  BedrockErrorKind,
  ClassifiedError,
  ErrorContext,
  ErrorFacts,
  Make,
} from './errorTypes';

export type { BedrockErrorKind, ClassifiedError, ErrorContext } from './errorTypes';
export { suggestInferenceProfileId } from './errorRules';

/** The one error type our Bedrock calls throw: the classification plus the original cause. */
export class BedrockCallError extends Error {
  override readonly name = 'BedrockCallError';
  constructor(
    readonly classification: ClassifiedError,
    readonly modelId: string | undefined,
    cause: unknown,
    /** Attempts the SDK made, when it said. */
    readonly attempts?: number,
    /** Those attempts timed, the last being the one that failed the call (when known). */
    readonly sdkAttempts: readonly SdkAttempt[] = [],
  ) {
    super(classification.userMessage, { cause });
  }
}

/** What each kind usually means for the runner; a few cases override it. */
const POLICY: Record<BedrockErrorKind, { retryable: boolean; failFastPerModel: boolean }> = {
  throttled: { retryable: true, failFastPerModel: false },
  timeout: { retryable: true, failFastPerModel: false },
  server: { retryable: true, failFastPerModel: false },
  network: { retryable: true, failFastPerModel: false },
  malformed: { retryable: true, failFastPerModel: false },
  stream_cut: { retryable: true, failFastPerModel: false },
  access_denied: { retryable: false, failFastPerModel: true },
  validation: { retryable: false, failFastPerModel: false },
  not_found: { retryable: false, failFastPerModel: true },
  bad_credentials: { retryable: false, failFastPerModel: true },
  expired_credentials: { retryable: false, failFastPerModel: true },
  cancelled: { retryable: false, failFastPerModel: false },
  unknown: { retryable: false, failFastPerModel: false },
};

/** Reads what we need off an unknown thrown value, including its cause chain's codes. */
function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) {
    return { name: typeof error, message: String(error) };
  }
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $fault?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  let code = typeof e.code === 'string' ? e.code : undefined;
  // Node sometimes wraps the socket error: in `cause`, or in an AggregateError's `errors` when
  // it tried both IPv4 and IPv6.
  const wrapped = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (let i = 0; !code && i < wrapped.length && i < 10; i++) {
    const inner = wrapped[i] as { code?: unknown; cause?: unknown } | null | undefined;
    if (!inner || typeof inner !== 'object') continue;
    if (typeof inner.code === 'string') code = inner.code;
    else if (inner.cause) wrapped.push(inner.cause);
  }
  const status = e.$metadata?.httpStatusCode;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    code,
    status: typeof status === 'number' ? status : undefined,
    fault: typeof e.$fault === 'string' ? e.$fault : undefined,
  };
}

export function classifyError(error: unknown, context: ErrorContext = {}): ClassifiedError {
  if (error instanceof BedrockCallError) return error.classification;
  const f = factsOf(error);
  const make: Make = (kind, userMessage, options = {}) => ({
    kind,
    retryable: options.retryable ?? POLICY[kind].retryable,
    failFastPerModel: options.failFastPerModel ?? POLICY[kind].failFastPerModel,
    // Messages quote what AWS said, and AWS may quote the signed request: mask secrets here,
    // before the text can reach a store, a log or the renderer.
    userMessage: redact(userMessage),
    ...(options.fromAws ? { awsName: f.name } : {}),
    ...(f.status !== undefined ? { httpStatus: f.status } : {}),
    detail: redact(f.message),
  });
  if (context.aborted || f.name === 'AbortError') return make('cancelled', 'Cancelled.');
  return (
    byAwsName(f, context, make) ??
    byCredentialProvider(f, make) ??
    byTransport(f, context, make) ??
    byStatus(f, context, make)
  );
}
