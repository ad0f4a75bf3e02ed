/**
 * A SecretStore in a Map, for tests of modules that need credentials (handlers, the runner)
 * without a Secret Service. It can also play a machine with no keychain, so those tests can
 * check the "use an AWS profile instead" path.
 */
import { KeychainUnavailableError, type ProbeResult, type SecretStore } from './secretStore';

export interface MemorySecretStore extends SecretStore {
  /** A reason makes every call fail as an unavailable keychain would; null restores it. */
  setUnavailable(reason: string | null): void;
}

export function createMemorySecretStore(
  initial: Record<string, string> = {},
  options: { unavailableReason?: string } = {},
): MemorySecretStore {
  const secrets = new Map(Object.entries(initial));
  let unavailable: string | null = options.unavailableReason ?? null;

  const check = (): void => {
    if (unavailable !== null) throw new KeychainUnavailableError(unavailable);
  };

  return {
    async get(account) {
      check();
      return secrets.get(account) ?? null;
    },
    async set(account, secret) {
      check();
      secrets.set(account, secret);
    },
    async delete(account) {
      check();
      return secrets.delete(account);
    },
    async probe(): Promise<ProbeResult> {
      return unavailable === null ? { available: true } : { available: false, reason: unavailable };
    },
    setUnavailable(reason) {
      unavailable = reason;
    },
  };
}
