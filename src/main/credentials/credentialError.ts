/**
 * The one error type the credential provider throws: a kind the UI can branch on and a message
 * that tells the analyst what to do next. The original error stays in `cause` for the log.
 */
import type { ErrorCode } from '../../shared/ipc/result';

export type CredentialErrorKind =
  | 'profile-not-found'
  | 'profile-incomplete'
  | 'sso-session-expired'
  | 'mfa-required'
  | 'credential-process-failed'
  | 'network'
  | 'no-keys-stored'
  | 'invalid-stored-keys'
  | 'keychain-unavailable'
  | 'unknown';

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  constructor(
    readonly kind: CredentialErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The code of the IPC Result envelope (src/shared/ipc/result.ts). */
  get appErrorCode(): ErrorCode {
    return this.kind === 'keychain-unavailable' ? 'keychain_unavailable' : 'credentials';
  }
}
