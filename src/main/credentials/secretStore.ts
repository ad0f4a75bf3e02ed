/**
 * The one small interface every credential module talks to, so that the OS keychain (keychain.ts)
 * and the in-memory stand-in for tests (memorySecretStore.ts) are interchangeable.
 */

export type ProbeResult = { available: true } | { available: false; reason: string };

export interface SecretStore {
  /** The secret saved under `account`, or null when there is none. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when a secret was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Whether secrets can be stored at all right now; never throws. */
  probe(): Promise<ProbeResult>;
}

/**
 * No keychain can be used on this machine (no Secret Service, no D-Bus session, a locked store
 * that never answered). The app then offers AWS profiles; it never falls back to a file.
 */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  constructor(
    /** Written for the user: what is missing, in one sentence. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** The keychain is there but refused one operation (e.g. an ambiguous entry). */
export class KeychainError extends Error {
  override readonly name = 'KeychainError';
}
