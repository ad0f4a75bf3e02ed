/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
 * behind the SecretStore interface, over @napi-rs/keyring.
 *
 * Two choices matter:
 * - On Linux the entry is pinned to the Secret Service. Left to itself the binding silently falls
 *   back to the kernel keyring, which lives in memory only: keys would vanish at the next reboot
 *   with no word to the user. When no Secret Service runs we report "unavailable" instead and the
 *   app offers AWS profiles; secrets are never written to a file.
 * - Every call is bounded: the async binding with an AbortSignal, raced against a timer (a locked
 *   keyring can wait on an unlock prompt forever), and on Linux a D-Bus handshake first, because
 *   the binding's constructor blocks the process against a bus that never answers (sessionBus.ts).
 */
import { randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import { checkSessionBus, type BusCheck } from './sessionBus';
import {
  KeychainError,
  KeychainUnavailableError,
  type ProbeResult,
  type SecretStore,
} from './secretStore';

export type { ProbeResult, SecretStore } from './secretStore';
export { KeychainError, KeychainUnavailableError } from './secretStore';

export const KEYCHAIN_SERVICE = 'Distill ROI';
const PROBE_ACCOUNT = 'keychain-probe';
const DEFAULT_TIMEOUT_MS = 30_000;
const BUS_CHECK_TIMEOUT_MS = 2_000;

/** The part of the binding's AsyncEntry we use; tests substitute one that never answers. */
export interface KeyringEntry {
  getPassword(signal?: AbortSignal): Promise<string | null>;
  setPassword(password: string, signal?: AbortSignal): Promise<void>;
  deletePassword(signal?: AbortSignal): Promise<boolean>;
}

export interface KeychainOptions {
  /** The keychain's service name; tests use their own so they never touch the app's entries. */
  service?: string;
  /** Longest wait for one keychain call. Generous by default: the user may be typing the
   * keyring's password into an unlock prompt. */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  /** Read at each call (not once) so that the D-Bus address in force is the one checked. */
  env?: () => NodeJS.ProcessEnv;
  openEntry?: (service: string, account: string) => KeyringEntry;
  checkBus?: (env: NodeJS.ProcessEnv, timeoutMs: number) => Promise<BusCheck>;
}

/** What the binding says (keyring-rs wording) when there is no usable store at all. */
const UNAVAILABLE_PATTERN =
  /platform failure|couldn't access platform storage|no dbus session|secret service|no default store|d-?bus/i;

/** Sorts a binding error into "no keychain here" versus "this one call failed". */
export function classifyKeychainError(e: unknown, operation: string): Error {
  if (e instanceof KeychainUnavailableError || e instanceof KeychainError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (UNAVAILABLE_PATTERN.test(detail)) {
    return new KeychainUnavailableError(
      `No desktop keychain is available: the system keychain could not be used (${detail}).`,
      { cause: e },
    );
  }
  return new KeychainError(`The keychain could not ${operation}: ${detail}`, { cause: e });
}

function defaultOpenEntry(platform: NodeJS.Platform) {
  return (service: string, account: string): KeyringEntry =>
    new AsyncEntry(
      service,
      account,
      platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined,
    );
}

export function createKeychainStore(options: KeychainOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const platform = options.platform ?? process.platform;
  const env = options.env ?? (() => process.env);
  const openEntry = options.openEntry ?? defaultOpenEntry(platform);
  const checkBus = options.checkBus ?? checkSessionBus;
  const waited = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;

  async function run<T>(
    account: string,
    operation: string,
    call: (entry: KeyringEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (platform === 'linux') {
      const bus = await checkBus(env(), Math.min(timeoutMs, BUS_CHECK_TIMEOUT_MS));
      if (!bus.ok) throw new KeychainUnavailableError(bus.reason);
    }
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new KeychainUnavailableError(
            `The system keychain did not answer within ${waited}; it may be locked and waiting for its password.`,
          ),
        );
      }, timeoutMs);
    });
    try {
      // Inside the try: the constructor itself throws when the pinned store is missing.
      const entry = openEntry(service, account);
      return await Promise.race([call(entry, controller.signal), timedOut]);
    } catch (e) {
      throw classifyKeychainError(e, operation);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (account) => run(account, 'read a secret', (e, signal) => e.getPassword(signal)),
    set: (account, secret) =>
      run(account, 'save a secret', (e, signal) => e.setPassword(secret, signal)),
    delete: (account) => run(account, 'delete a secret', (e, signal) => e.deletePassword(signal)),

    // A full write-read-delete, not just a read: a fresh gnome-keyring with no default
    // collection answers reads (with "nothing stored") yet refuses every write (measured).
    async probe(): Promise<ProbeResult> {
      const token = `probe-${randomUUID()}`;
      try {
        await run(PROBE_ACCOUNT, 'save a test entry', (e, s) => e.setPassword(token, s));
        const readBack = await run(PROBE_ACCOUNT, 'read a test entry', (e, s) => e.getPassword(s));
        await run(PROBE_ACCOUNT, 'delete a test entry', (e, s) => e.deletePassword(s));
        if (readBack !== token) {
          return {
            available: false,
            reason: 'The system keychain did not give back what was just saved in it.',
          };
        }
        return { available: true };
      } catch (e) {
        if (e instanceof KeychainUnavailableError) return { available: false, reason: e.reason };
        return { available: false, reason: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
