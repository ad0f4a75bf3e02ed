/** Types shared by the error classifier and its rules (see errors.ts for the why). */

export type BedrockErrorKind =
  | 'throttled'
  | 'timeout'
  | 'server'
  | 'network'
  | 'malformed'
  | 'stream_cut'
  | 'access_denied'
  | 'validation'
  | 'not_found'
  | 'bad_credentials'
  | 'expired_credentials'
  | 'cancelled'
  | 'unknown';

export interface ClassifiedError {
  kind: BedrockErrorKind;
  retryable: boolean;
  failFastPerModel: boolean;
  /** Says what happened and what to do about it, in the user's terms. */
  userMessage: string;
  /** The AWS error name, e.g. 'ThrottlingException', when there was one. */
  awsName?: string;
  httpStatus?: number;
  /** The original error's message, for logs. */
  detail: string;
}

export interface ErrorContext {
  modelId?: string;
  region?: string;
  /** The failure came while reading a stream whose response had already started. */
  duringStream?: boolean;
  /** The caller's signal was aborted: whatever the error looks like, the call was cancelled. */
  aborted?: boolean;
}

/** What the classifier reads off an unknown thrown value. */
export interface ErrorFacts {
  name: string;
  message: string;
  code?: string;
  status?: number;
  fault?: string;
}

export interface MakeOptions {
  /** The error came from the service, so its AWS name is worth keeping. */
  fromAws?: boolean;
  retryable?: boolean;
  failFastPerModel?: boolean;
}
export type Make = (
  kind: BedrockErrorKind,
  userMessage: string,
  options?: MakeOptions,
) => ClassifiedError;
export const AWS: MakeOptions = { fromAws: true };
