/**
 * The classifier's rules, tried in order by classifyError: AWS error names first (the most
 * precise), then credential providers, then transport (sockets, timeouts, decoding), then the
 * bare HTTP status for errors the SDK did not model. Messages tell the user what to do.
 */
import { parseModelRef, profileGeosForRegion } from '../../shared/models/modelRef';
import {
  AWS,
  type ClassifiedError,
  type ErrorContext,
  type ErrorFacts,
  type Make,
} from './errorTypes';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const BAD_KEY_NAMES = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);
const EXPIRED_NAMES = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);
const SERVER_NAMES = new Set([
  'InternalServerException',
  'InternalFailure',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'ModelErrorException',
  'ModelStreamErrorException',
]);

/**
 * The inference-profile id AWS most likely expects for a model that cannot be called on demand:
 * the region's own geography (jp, au, ca, ... included). The stored model list knows better
 * (shared/models/invocation.ts); this is the guess for an error message when it is not at hand.
 */
export function suggestInferenceProfileId(modelId: string, region: string | undefined): string {
  const parsed = parseModelRef(modelId);
  if (!parsed.ok || parsed.ref.kind !== 'foundationModel' || modelId.startsWith('arn:')) {
    return modelId;
  }
  const geo = profileGeosForRegion(region ?? 'us-east-1')[0] ?? 'global';
  return `${geo}.${modelId}`;
}

export function byAwsName(
  f: ErrorFacts,
  context: ErrorContext,
  make: Make,
): ClassifiedError | undefined {
  const model = context.modelId ?? 'the model';
  const region = context.region ?? 'your region';
  switch (f.name) {
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return make(
        'throttled',
        `Bedrock is throttling calls to ${model}: lower the run's concurrency, or request a higher quota in Service Quotas for ${region}.`,
        AWS,
      );
    case 'ServiceQuotaExceededException':
      return make(
        'throttled',
        `A Bedrock quota for ${model} is used up in ${region}: request a higher quota in Service Quotas.`,
        { ...AWS, retryable: false, failFastPerModel: true },
      );
    case 'ModelNotReadyException':
      return make(
        'server',
        `${model} is still being loaded by Bedrock: try again in a minute.`,
        AWS,
      );
    case 'ModelTimeoutException':
      return make(
        'timeout',
        `${model} took too long to answer: try a shorter prompt or a lower max tokens.`,
        AWS,
      );
    case 'AccessDeniedException':
      return make(
        'access_denied',
        `Model access not granted: enable ${model} in the Bedrock console (Model access) for ${region}, and check that your IAM policy allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream.`,
        AWS,
      );
    case 'ResourceNotFoundException':
      return make(
        'not_found',
        `Model ${model} was not found in ${region}: check the model id and the region, or pick a model that is still offered there.`,
        AWS,
      );
    case 'ValidationException':
      return byValidationMessage(f, context, make);
  }
  if (SERVER_NAMES.has(f.name)) {
    return make(
      'server',
      `Bedrock had a temporary problem (${f.name}) with ${model}: the call can be retried.`,
      AWS,
    );
  }
  if (f.name === 'InvalidSignatureException' && /signature expired/i.test(f.message)) {
    return make(
      'bad_credentials',
      "AWS rejected the request's signature as expired: check that this computer's clock is right.",
      AWS,
    );
  }
  if (BAD_KEY_NAMES.has(f.name)) {
    return make(
      'bad_credentials',
      'AWS did not accept the credentials: check the access key id and secret key (or the selected profile) in Settings.',
      AWS,
    );
  }
  if (EXPIRED_NAMES.has(f.name)) {
    return make(
      'expired_credentials',
      'The AWS session has expired: refresh it (for an SSO profile run "aws sso login"), then try again.',
      AWS,
    );
  }
  return undefined;
}

function byValidationMessage(f: ErrorFacts, context: ErrorContext, make: Make): ClassifiedError {
  const model = context.modelId ?? 'the model';
  const region = context.region ?? 'your region';
  if (/on-demand throughput isn.?t supported|inference profile/i.test(f.message)) {
    const profile = context.modelId
      ? suggestInferenceProfileId(context.modelId, context.region)
      : 'us.<model id>';
    return make(
      'validation',
      `${model} cannot be called on demand in ${region}: use an inference profile id instead, e.g. ${profile}.`,
      { ...AWS, failFastPerModel: true },
    );
  }
  if (/model identifier is invalid|invalid model identifier/i.test(f.message)) {
    return make(
      'validation',
      `Bedrock does not recognise the model id ${model} in ${region}: check its spelling.`,
      { ...AWS, failFastPerModel: true },
    );
  }
  // Anything else is about this one request (prompt too long, a bad parameter): other prompts
  // may well go through, so the model is not given up on.
  return make('validation', `Bedrock rejected the request to ${model}: ${f.message}`, AWS);
}

/** Credential providers (profiles, SSO) fail before any request is sent. */
export function byCredentialProvider(f: ErrorFacts, make: Make): ClassifiedError | undefined {
  // Our own provider (src/main/credentials) already says what to do: keep its words.
  if (f.name === 'CredentialError') {
    if (/network|reach/i.test(f.message)) return make('network', f.message);
    return make(
      /sso login/i.test(f.message) ? 'expired_credentials' : 'bad_credentials',
      f.message,
    );
  }
  const isProvider = /^(CredentialsProviderError|TokenProviderError|ProviderError)$/.test(f.name);
  // UnauthorizedException comes from SSO's GetRoleCredentials when the SSO token is stale.
  if (
    f.name === 'UnauthorizedException' ||
    (isProvider && /expired|sso login|invalid/i.test(f.message))
  ) {
    return make(
      'expired_credentials',
      'The AWS sign-in (SSO) session has expired or is invalid: run "aws sso login" for the selected profile, then try again.',
    );
  }
  if (isProvider) {
    return make(
      'bad_credentials',
      'No usable AWS credentials were found: enter access keys or choose a profile in Settings.',
    );
  }
  return undefined;
}

export function byTransport(
  f: ErrorFacts,
  context: ErrorContext,
  make: Make,
): ClassifiedError | undefined {
  const model = context.modelId ?? 'the model';
  // The endpoint rules refused where the request would go (common/endpoints.ts): their words
  // name the setting, flag or variable to change, and no retry can help.
  if (f.name === 'EndpointRefusedError') {
    return make('validation', f.message, { retryable: false, failFastPerModel: true });
  }
  const isNetworkCode = f.code !== undefined && NETWORK_CODES.has(f.code);
  // The answer had started (stream open, or a 200 whose body broke off) when the link dropped.
  if (
    f.name === 'StreamEndedEarlyError' ||
    (context.duringStream && (isNetworkCode || /aborted|premature close/i.test(f.message))) ||
    (isNetworkCode && f.status === 200)
  ) {
    return make(
      'stream_cut',
      `The connection dropped while ${model} was answering: the call can be retried.`,
    );
  }
  if (f.name === 'TimeoutError' && /did not establish a connection/.test(f.message)) {
    return make(
      'network',
      'Could not connect to Bedrock in time: check the internet connection, VPN or proxy.',
    );
  }
  // NodeHttpHandler renames ECONNRESET/EPIPE errors to TimeoutError: trust the code first.
  if (isNetworkCode) {
    return make(
      'network',
      `Cannot reach Bedrock (${f.code}): check the internet connection, VPN or proxy, and the endpoint in Settings.`,
    );
  }
  if (f.name === 'StreamStalledError') {
    return make(
      'timeout',
      `${model} stopped sending (a hung connection): the call can be retried. ${f.message}`,
    );
  }
  if (
    f.name === 'TimeoutError' ||
    f.name === 'RequestTimeout' ||
    f.name === 'RequestTimeoutException' ||
    f.code === 'ETIMEDOUT'
  ) {
    return make(
      'timeout',
      `No answer from Bedrock for ${model} within the request timeout: check the connection. If the model is only slow, raise its hang limits (stallFirstEventMs and stallIdleMs in Settings › Hang detection, --stall-first-event and --stall-idle on the command line).`,
    );
  }
  // Checked after timeouts: the SDK appends 'Deserialization error' to whatever broke the body.
  if (
    f.name === 'SyntaxError' ||
    f.name === 'SerializationException' ||
    f.name === 'MalformedAnswerError' ||
    garbledStream(f, context) ||
    /deserialization error|message type/i.test(f.message)
  ) {
    return make(
      'malformed',
      `Bedrock sent an answer for ${model} that could not be read: the call can be retried.`,
    );
  }
  return undefined;
}

/**
 * Decided by where and what, never by wording: the event-stream decoder throws plain Errors
 * ("The prelude checksum … does not match…", "Truncated event message received.") whose text is
 * not an API. A failure while reading an open stream that is neither a modeled AWS error (those
 * carry $fault and a status) nor a socket error (those carry a code) means the bytes that came
 * could not be decoded: garbled in transit, so the same call may well succeed again.
 */
function garbledStream(f: ErrorFacts, context: ErrorContext): boolean {
  return (
    context.duringStream === true &&
    f.fault === undefined &&
    f.status === undefined &&
    f.code === undefined
  );
}

/** Unmodeled service errors: fall back on the HTTP status. */
export function byStatus(f: ErrorFacts, context: ErrorContext, make: Make): ClassifiedError {
  const model = context.modelId ?? 'the model';
  const region = context.region ?? 'your region';
  const status = f.status ?? 0;
  if (status === 429)
    return make(
      'throttled',
      `Bedrock is throttling calls to ${model}: lower the run's concurrency.`,
      AWS,
    );
  if (status >= 500)
    return make(
      'server',
      `Bedrock had a temporary problem (${f.name}): the call can be retried.`,
      AWS,
    );
  if (status === 403)
    return make(
      'access_denied',
      `AWS denied the call to ${model} (${f.name}): check model access and IAM permissions for ${region}.`,
      AWS,
    );
  if (status === 404) return make('not_found', `Model ${model} was not found in ${region}.`, AWS);
  if (status === 400)
    return make('validation', `Bedrock rejected the request to ${model}: ${f.message}`, AWS);
  return make('unknown', `Unexpected error while calling ${model}: ${f.message}`, {
    fromAws: f.fault !== undefined,
  });
}
