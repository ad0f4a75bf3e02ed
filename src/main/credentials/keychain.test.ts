/**
 * The keychain store where no Secret Service runs (the default test run has no D-Bus session),
 * plus its timeout and error sorting with a stand-in entry. The real round trip is in
 * keychain.keychain.test.ts, run by `npm run test:keychain` under dbus-run-session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  KeychainError,
  KeychainUnavailableError,
  classifyKeychainError,
  createKeychainStore,
  type KeyringEntry,
} from './keychain';
import { resolveCredentialProvider } from './provider';

const BOGUS_BUS = 'unix:path=/nonexistent/distill-roi-test/bus';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.runIf(process.platform === 'linux')('without a Secret Service', () => {
  it('probes as unavailable with the bus check’s reason, not the keychain timeout’s', async () => {
    vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', BOGUS_BUS);
    const store = createKeychainStore({ service: 'Distill ROI test', timeoutMs: 3_000 });
    const probe = await store.probe();
    expect(probe).toEqual({
      available: false,
      reason: expect.stringMatching(/^No desktop keychain is available: .*D-Bus/),
    });
  });

  it('also classifies the binding’s own failure as unavailable (bus check skipped)', async () => {
    vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', BOGUS_BUS);
    const store = createKeychainStore({
      service: 'Distill ROI test',
      timeoutMs: 3_000,
      checkBus: async () => ({ ok: true }),
    });
    const probe = await store.probe();
    expect(probe).toEqual({
      available: false,
      reason: expect.stringMatching(/^No desktop keychain is available: .*DBus/),
    });
    await expect(store.get('anything')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('fails every operation as unavailable when the session bus is missing', async () => {
    vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', '');
    const store = createKeychainStore({ service: 'Distill ROI test', timeoutMs: 3_000 });
    await expect(store.get('a')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.set('a', 'secret-value')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.delete('a')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('makes the keys provider say to use an AWS profile instead', async () => {
    vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', BOGUS_BUS);
    const store = createKeychainStore({ service: 'Distill ROI test', timeoutMs: 3_000 });
    const provider = resolveCredentialProvider({ mode: 'keys' }, store);
    const failure = provider().then(
      () => undefined,
      (e: unknown) => e,
    );
    await expect(failure).resolves.toMatchObject({
      name: 'CredentialError',
      kind: 'keychain-unavailable',
      appErrorCode: 'keychain_unavailable',
      message: expect.stringMatching(/use an AWS profile instead/),
    });
  });
});

/** A stand-in for the binding's entry, kept in a Map or hanging forever. */
function fakeEntries(behaviour: 'works' | 'hangs' | { fail: string }) {
  const secrets = new Map<string, string>();
  const signals: AbortSignal[] = [];
  const act = <T>(signal: AbortSignal | undefined, result: () => T): Promise<T> => {
    if (signal) signals.push(signal);
    if (behaviour === 'hangs') return new Promise<T>(() => {});
    if (behaviour !== 'works') return Promise.reject(new Error(behaviour.fail));
    return Promise.resolve(result());
  };
  const openEntry = (_service: string, account: string): KeyringEntry => ({
    getPassword: (signal) => act(signal, () => secrets.get(account) ?? null),
    setPassword: (password, signal) => act(signal, () => void secrets.set(account, password)),
    deletePassword: (signal) => act(signal, () => secrets.delete(account)),
  });
  return { openEntry, signals, secrets };
}

describe('createKeychainStore with a stand-in entry', () => {
  const base = { platform: 'darwin' as const, timeoutMs: 200 };

  it('stores, reads and deletes, and the probe leaves nothing behind', async () => {
    const fake = fakeEntries('works');
    const store = createKeychainStore({ ...base, openEntry: fake.openEntry });
    expect(await store.get('a')).toBeNull();
    await store.set('a', 's3cret-value');
    expect(await store.get('a')).toBe('s3cret-value');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.probe()).toEqual({ available: true });
    expect(fake.secrets.size).toBe(0);
  });

  it('gives up on a keychain that never answers, aborts the call, and says why', async () => {
    const fake = fakeEntries('hangs');
    const store = createKeychainStore({ ...base, openEntry: fake.openEntry });
    const probe = await store.probe();
    expect(probe).toEqual({
      available: false,
      reason: expect.stringMatching(/did not answer .*locked/),
    });
    expect(fake.signals.every((s) => s.aborted)).toBe(true);
  });

  it('treats an entry that cannot even be created as unavailable', async () => {
    const store = createKeychainStore({
      ...base,
      openEntry: () => {
        throw new Error('Platform failure: DBus error: Failed to connect to socket');
      },
    });
    await expect(store.get('a')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('keeps other failures apart from "unavailable"', async () => {
    const fake = fakeEntries({ fail: 'Entry is matched by 2 credentials' });
    const store = createKeychainStore({ ...base, openEntry: fake.openEntry });
    await expect(store.get('a')).rejects.toBeInstanceOf(KeychainError);
    expect(await store.probe()).toEqual({
      available: false,
      reason: expect.stringMatching(/matched by 2 credentials/),
    });
  });

  it('checks the session bus first on Linux and stops there when it is missing', async () => {
    const fake = fakeEntries('works');
    const store = createKeychainStore({
      ...base,
      platform: 'linux',
      openEntry: fake.openEntry,
      checkBus: async () => ({ ok: false, reason: 'No desktop keychain is available: test.' }),
    });
    expect(await store.probe()).toEqual({
      available: false,
      reason: 'No desktop keychain is available: test.',
    });
    expect(fake.signals).toHaveLength(0);
  });
});

describe('classifyKeychainError', () => {
  it.each([
    "Couldn't access platform storage: Secret Service: no result found",
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled',
    'No DBus session or Secret Service provider found',
  ])('sees "%s" as no keychain', (message) => {
    expect(classifyKeychainError(new Error(message), 'read')).toBeInstanceOf(
      KeychainUnavailableError,
    );
  });

  it('sees anything else as a failed operation', () => {
    const e = classifyKeychainError(
      new Error('Entry is matched by 2 credentials'),
      'read a secret',
    );
    expect(e).toBeInstanceOf(KeychainError);
    expect(e.message).toBe(
      'The keychain could not read a secret: Entry is matched by 2 credentials',
    );
  });
});
