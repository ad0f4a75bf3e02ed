import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from '../log';
import {
  InvalidAccessKeysError,
  accessKeyAccount,
  deleteAccessKeys,
  describeStoredKeys,
  loadAccessKeys,
  parseAccessKeys,
  saveAccessKeys,
} from './accessKeys';
import { createMemorySecretStore } from './memorySecretStore';
import { KeychainUnavailableError } from './secretStore';

/** A fresh 40-char secret per test, so masking registered by one test cannot hide another's. */
const freshSecret = (): string => randomBytes(30).toString('base64');
const KEY_ID = 'AKIAIOSFODNN7EXAWXYZ';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidAccessKeysError) return e.problems;
    throw e;
  }
  throw new Error('expected InvalidAccessKeysError');
}

describe('parseAccessKeys', () => {
  it('trims what was pasted and drops an empty session token', () => {
    const secret = freshSecret();
    expect(
      parseAccessKeys({
        accessKeyId: ` ${KEY_ID}\n`,
        secretAccessKey: ` ${secret} `,
        sessionToken: ' ',
      }),
    ).toEqual({ accessKeyId: KEY_ID, secretAccessKey: secret });
  });

  it('accepts temporary keys with their session token', () => {
    const keys = parseAccessKeys({
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: freshSecret(),
      sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
    });
    expect(keys.sessionToken).toBe('FwoGZXIvYXdzEXAMPLETOKEN');
  });

  it('lists every problem without echoing any value', () => {
    const secret = `with space ${freshSecret()}`;
    const problems = problemsOf(() =>
      parseAccessKeys({ accessKeyId: 'ASIA-not-valid', secretAccessKey: secret }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/should start with AKIA/),
      expect.stringMatching(/contains spaces/),
      expect.stringMatching(/ASIA are temporary/),
    ]);
    expect(problems.join(' ')).not.toContain('not-valid');
    expect(problems.join(' ')).not.toContain(secret.slice(11));
  });

  it('spots a secret key pasted into the key id field', () => {
    const secret = freshSecret();
    const problems = problemsOf(() =>
      parseAccessKeys({ accessKeyId: secret, secretAccessKey: KEY_ID }),
    );
    expect(problems).toEqual([expect.stringMatching(/looks like a secret access key/)]);
  });

  it('requires a secret key', () => {
    expect(problemsOf(() => parseAccessKeys({ accessKeyId: KEY_ID, secretAccessKey: '' }))).toEqual(
      ['The secret access key is missing.'],
    );
  });
});

describe('keys in the store', () => {
  it('saves one JSON secret under the slot’s account and describes it without the secret', async () => {
    const store = createMemorySecretStore();
    const secret = freshSecret();
    const described = await saveAccessKeys(store, { accessKeyId: KEY_ID, secretAccessKey: secret });
    expect(described).toEqual({ accessKeyIdHint: '…WXYZ', hasSessionToken: false });
    expect(JSON.stringify(described)).not.toContain(secret);
    expect(JSON.parse((await store.get('aws-access-key:default')) ?? 'null')).toEqual({
      version: 1,
      accessKeyId: KEY_ID,
      secretAccessKey: secret,
    });
    expect(await describeStoredKeys(store)).toEqual(described);
  });

  it('loads what was saved, session token included', async () => {
    const store = createMemorySecretStore();
    const keys = {
      accessKeyId: KEY_ID,
      secretAccessKey: freshSecret(),
      sessionToken: freshSecret(),
    };
    await saveAccessKeys(store, keys, 'work');
    expect(await loadAccessKeys(store, 'work')).toEqual(keys);
    expect(await describeStoredKeys(store, 'work')).toEqual({
      accessKeyIdHint: '…WXYZ',
      hasSessionToken: true,
    });
    expect(await loadAccessKeys(store)).toBeNull();
  });

  it('registers the secret and token with the logger when loading', async () => {
    const secret = freshSecret();
    const token = freshSecret();
    const stored = JSON.stringify({
      version: 1,
      accessKeyId: KEY_ID,
      secretAccessKey: secret,
      sessionToken: token,
    });
    const store = createMemorySecretStore({ [accessKeyAccount()]: stored });
    const line = `call failed: key ${secret} token ${token}`;
    expect(redact(line)).toBe(line);
    await loadAccessKeys(store);
    expect(redact(line)).toBe('call failed: key *** token ***');
  });

  it('reports damaged stored keys, and masks their contents all the same', async () => {
    const secret = freshSecret();
    const store = createMemorySecretStore({
      [accessKeyAccount()]: JSON.stringify({ accessKeyId: 'nope', secretAccessKey: secret }),
      [accessKeyAccount('garbled')]: `{not json ${secret}x`,
    });
    await expect(loadAccessKeys(store)).rejects.toMatchObject({
      name: 'InvalidAccessKeysError',
      stored: true,
    });
    await expect(loadAccessKeys(store, 'garbled')).rejects.toBeInstanceOf(InvalidAccessKeysError);
    expect(redact(`x ${secret} y`)).toBe('x *** y');
  });

  it('deletes a slot and says whether there was anything', async () => {
    const store = createMemorySecretStore();
    await saveAccessKeys(store, { accessKeyId: KEY_ID, secretAccessKey: freshSecret() });
    expect(await deleteAccessKeys(store)).toBe(true);
    expect(await deleteAccessKeys(store)).toBe(false);
    expect(await describeStoredKeys(store)).toBeNull();
  });

  it('passes an unavailable keychain through as such', async () => {
    const store = createMemorySecretStore({}, { unavailableReason: 'No desktop keychain here.' });
    await expect(
      saveAccessKeys(store, { accessKeyId: KEY_ID, secretAccessKey: freshSecret() }),
    ).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(loadAccessKeys(store)).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(await store.probe()).toEqual({ available: false, reason: 'No desktop keychain here.' });
    store.setUnavailable(null);
    expect(await store.probe()).toEqual({ available: true });
  });
});
