/**
 * The classifier on error values shaped exactly as the SDK, the HTTP handler and Node produce
 * them (the end-to-end path through the stand-in is covered in faults.test.ts).
 */
import {
  AccessDeniedException,
  ModelNotReadyException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { EndpointRefusedError } from '../common/endpoints';
import { BedrockCallError, classifyError, suggestInferenceProfileId } from './errors';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const nodeError = (code: string, message = code, name = 'Error') =>
  Object.assign(new Error(message), { code, name });
const ctx = { modelId: 'meta.llama3-70b-instruct-v1:0', region: 'us-east-1' };

describe('classifyError', () => {
  it('keeps the AWS name and status of service exceptions', () => {
    const c = classifyError(new ThrottlingException({ message: 'slow down', ...meta(429) }), ctx);
    expect(c).toMatchObject({
      kind: 'throttled',
      retryable: true,
      failFastPerModel: false,
      awsName: 'ThrottlingException',
      httpStatus: 429,
      detail: 'slow down',
    });
  });

  it('treats a used-up quota as throttling that retrying will not fix', () => {
    const c = classifyError(new ServiceQuotaExceededException({ message: 'q', ...meta(400) }));
    expect(c).toMatchObject({ kind: 'throttled', retryable: false, failFastPerModel: true });
  });

  it('treats a model still loading as a retryable server condition', () => {
    const c = classifyError(new ModelNotReadyException({ message: 'loading', ...meta(429) }));
    expect(c).toMatchObject({ kind: 'server', retryable: true });
  });

  it('tells the user to enable model access in the right region', () => {
    const c = classifyError(new AccessDeniedException({ message: 'no', ...meta(403) }), ctx);
    expect(c.userMessage).toBe(
      'Model access not granted: enable meta.llama3-70b-instruct-v1:0 in the Bedrock console ' +
        '(Model access) for us-east-1, and check that your IAM policy allows bedrock:InvokeModel ' +
        'and bedrock:InvokeModelWithResponseStream.',
    );
  });

  it('gives up on a model id Bedrock does not know, but not on one bad request', () => {
    const bad = (message: string) => new ValidationException({ message, ...meta(400) });
    expect(
      classifyError(bad('The provided model identifier is invalid.'), ctx).failFastPerModel,
    ).toBe(true);
    expect(classifyError(bad('Input is too long for requested model.'), ctx)).toMatchObject({
      kind: 'validation',
      retryable: false,
      failFastPerModel: false,
    });
  });

  it('suggests the inference profile for the region', () => {
    const id = 'meta.llama3-2-3b-instruct-v1:0';
    expect(suggestInferenceProfileId(id, 'us-west-2')).toBe(`us.${id}`);
    expect(suggestInferenceProfileId(id, 'eu-central-1')).toBe(`eu.${id}`);
    expect(suggestInferenceProfileId(id, 'ap-northeast-1')).toBe(`jp.${id}`);
    expect(suggestInferenceProfileId(id, 'ap-southeast-2')).toBe(`au.${id}`);
    expect(suggestInferenceProfileId(id, 'ap-south-1')).toBe(`apac.${id}`);
    expect(suggestInferenceProfileId(id, 'ca-central-1')).toBe(`ca.${id}`);
    expect(suggestInferenceProfileId(`jp.${id}`, 'ap-northeast-1')).toBe(`jp.${id}`);
    expect(suggestInferenceProfileId(`us.${id}`, 'us-east-1')).toBe(`us.${id}`);
    const onDemand = new ValidationException({
      message: `Invocation of model ID ${id} with on-demand throughput isn’t supported.`,
      ...meta(400),
    });
    expect(classifyError(onDemand, { modelId: id, region: 'eu-west-1' }).userMessage).toContain(
      `eu.${id}`,
    );
  });

  it('separates wrong keys, expired sessions and a wrong clock', () => {
    const service = (name: string, message: string) =>
      Object.assign(new Error(message), { name, $fault: 'client', ...meta(403) });
    expect(classifyError(service('UnrecognizedClientException', 'invalid')).kind).toBe(
      'bad_credentials',
    );
    expect(classifyError(service('InvalidSignatureException', 'does not match')).kind).toBe(
      'bad_credentials',
    );
    expect(classifyError(service('ExpiredTokenException', 'expired')).kind).toBe(
      'expired_credentials',
    );
    expect(
      classifyError(service('InvalidSignatureException', 'Signature expired: 20200101'))
        .userMessage,
    ).toMatch(/clock/);
    const ssoRole = Object.assign(new Error('Session token not found or invalid'), {
      name: 'UnauthorizedException',
    });
    expect(classifyError(ssoRole).kind).toBe('expired_credentials');
    const none = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(classifyError(none)).toMatchObject({ kind: 'bad_credentials', failFastPerModel: true });
  });

  it('reads socket errors by code, even when the handler renamed them TimeoutError', () => {
    expect(classifyError(nodeError('ECONNREFUSED')).kind).toBe('network');
    expect(classifyError(nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND')).kind).toBe('network');
    expect(classifyError(nodeError('ECONNRESET', 'socket hang up', 'TimeoutError')).kind).toBe(
      'network',
    );
    const both = new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], '');
    expect(classifyError(both).kind).toBe('network');
    const connect = Object.assign(
      new Error('the request socket did not establish a connection with the server within 1000 ms'),
      { name: 'TimeoutError' },
    );
    expect(classifyError(connect).kind).toBe('network');
  });

  it('calls a breached request or idle timeout a timeout, even mid-stream', () => {
    const request = nodeError(
      'ETIMEDOUT',
      'exceeded the configured 150 ms requestTimeout',
      'TimeoutError',
    );
    expect(classifyError(request)).toMatchObject({ kind: 'timeout', retryable: true });
    const idle = Object.assign(
      new Error('the request socket timed out after 500 ms of inactivity'),
      {
        name: 'TimeoutError',
      },
    );
    expect(classifyError(idle, { duringStream: true }).kind).toBe('timeout');
    const idleBody = Object.assign(
      new Error('timed out after 150 ms of inactivity\n  Deserialization error: ...'),
      { name: 'TimeoutError', ...meta(200) },
    );
    expect(classifyError(idleBody).kind).toBe('timeout');
    // It names the settings that exist for a model that is only slow.
    expect(classifyError(request, ctx).userMessage).toMatch(
      /raise its hang limits \(stallFirstEventMs and stallIdleMs in Settings › Hang detection, --stall-first-event and --stall-idle on the command line\)/,
    );
    expect(classifyError(request, ctx).userMessage).not.toMatch(/raise the timeout/);
  });

  it('keeps the words of the endpoint rules, and retries nothing they refused', () => {
    const refused = new EndpointRefusedError('AWS_ENDPOINT_URL_S3 must start with https://');
    expect(classifyError(refused, ctx)).toMatchObject({
      kind: 'validation',
      retryable: false,
      failFastPerModel: true,
      userMessage: 'AWS_ENDPOINT_URL_S3 must start with https://',
    });
  });

  it('calls any undecodable stream malformed by its shape, whatever the decoder said', () => {
    // Plain Errors thrown while reading an open stream: no AWS fault, no status, no socket code.
    for (const words of ['The prelude checksum … does not match', 'Truncated event message', '']) {
      expect(classifyError(new Error(words), { duringStream: true })).toMatchObject({
        kind: 'malformed',
        retryable: true,
      });
    }
    // The same shape before any answer came is not a stream fault: nothing says it will pass.
    expect(classifyError(new Error('The prelude checksum … does not match')).kind).toBe('unknown');
    // A modeled in-stream error keeps its own class.
    const modeled = Object.assign(new Error('slow down'), {
      name: 'ThrottlingException',
      $fault: 'client',
    });
    expect(classifyError(modeled, { duringStream: true }).kind).toBe('throttled');
  });

  it('calls a dropped connection after the answer started a cut stream', () => {
    expect(classifyError(nodeError('ECONNRESET', 'aborted'), { duringStream: true }).kind).toBe(
      'stream_cut',
    );
    const cutBody = Object.assign(
      nodeError('ECONNRESET', 'aborted\n  Deserialization error'),
      meta(200),
    );
    expect(classifyError(cutBody).kind).toBe('stream_cut');
  });

  it('calls unreadable answers malformed', () => {
    expect(classifyError(new SyntaxError('Unexpected end of JSON input')).kind).toBe('malformed');
  });

  it('calls anything aborted cancelled, whatever it looks like', () => {
    expect(classifyError(AbortSignal.abort().reason).kind).toBe('cancelled');
    expect(classifyError(nodeError('ECONNRESET', 'aborted'), { aborted: true })).toMatchObject({
      kind: 'cancelled',
      retryable: false,
    });
  });

  it('falls back on the status for errors the SDK did not model', () => {
    const unmodeled = (status: number) =>
      Object.assign(new Error('?'), { name: 'SomethingNew', $fault: 'server', ...meta(status) });
    expect(classifyError(unmodeled(502))).toMatchObject({
      kind: 'server',
      awsName: 'SomethingNew',
    });
    expect(classifyError(unmodeled(429)).kind).toBe('throttled');
    expect(classifyError(new Error('who knows'))).toMatchObject({
      kind: 'unknown',
      retryable: false,
    });
    expect(classifyError('a string').kind).toBe('unknown');
  });

  it('returns the classification a BedrockCallError already carries', () => {
    const inner = classifyError(new ThrottlingException({ message: 'x', ...meta(429) }), ctx);
    const wrapped = new BedrockCallError(inner, ctx.modelId, new Error('cause'));
    expect(classifyError(wrapped)).toBe(inner);
    expect(wrapped.message).toBe(inner.userMessage);
  });
});

describe('errors from our own credential provider', () => {
  it('keeps the provider’s advice and stops calls to the model', async () => {
    const { CredentialError } = await import('../credentials/credentialError');
    const expired = classifyError(
      new CredentialError(
        'sso-session-expired',
        'The SSO session of profile "dev" has expired: run `aws sso login --profile dev`.',
      ),
    );
    expect(expired).toMatchObject({ kind: 'expired_credentials', failFastPerModel: true });
    expect(expired.userMessage).toMatch(/aws sso login --profile dev/);
    const noKeys = classifyError(
      new CredentialError('no-keys-stored', 'No access keys are stored. Enter them in Settings.'),
    );
    expect(noKeys).toMatchObject({
      kind: 'bad_credentials',
      userMessage: 'No access keys are stored. Enter them in Settings.',
    });
  });
});
