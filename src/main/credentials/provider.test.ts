/**
 * The provider against temporary ~/.aws folders. Every case here fails (or succeeds) before the
 * SDK would open a connection, so no network is needed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAccessKeys } from './accessKeys';
import {
  CONFIG,
  CREDENTIALS,
  STATIC_KEY_ID,
  STATIC_SECRET,
  makeAwsHome,
  type AwsHome,
} from '../../../test/support/awsHomeFixture';
import { CredentialError } from './credentialError';
import { createMemorySecretStore } from './memorySecretStore';
import { classifyProfileError, resolveCredentialProvider } from './provider';

let aws: AwsHome;
beforeEach(() => {
  aws = makeAwsHome({ config: CONFIG, credentials: CREDENTIALS });
  // The SDK finds the SSO token cache through HOME; the explicit profile must win over these.
  vi.stubEnv('HOME', aws.home);
  vi.stubEnv('AWS_PROFILE', 'default');
  vi.stubEnv('AWS_CONFIG_FILE', '');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
});
afterEach(() => {
  aws.cleanup();
  vi.unstubAllEnvs();
});

const store = createMemorySecretStore();

async function failureOf(settings: Parameters<typeof resolveCredentialProvider>[0], s = store) {
  const e = await resolveCredentialProvider(settings, s)().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(CredentialError);
  const error = e as CredentialError;
  expect(error.message).not.toContain(STATIC_SECRET);
  return error;
}

describe('profiles', () => {
  it('resolves a static profile locally', async () => {
    const identity = await resolveCredentialProvider(
      { mode: 'profile', profile: 'static-keys' },
      store,
    )();
    expect(identity).toMatchObject({ accessKeyId: STATIC_KEY_ID, secretAccessKey: STATIC_SECRET });
  });

  it('names a missing profile and the files it looked in', async () => {
    const e = await failureOf({ mode: 'profile', profile: 'nope' });
    expect(e.kind).toBe('profile-not-found');
    expect(e.appErrorCode).toBe('credentials');
    expect(e.message).toContain('AWS profile "nope" was not found');
    expect(e.message).toContain(aws.configFile);
    expect(e.cause).toMatchObject({ name: 'CredentialsProviderError' });
  });

  it('looks in the files AWS_CONFIG_FILE names', async () => {
    const other = join(aws.home, 'elsewhere.ini');
    writeFileSync(other, '[profile moved]\nregion = us-east-1\n');
    vi.stubEnv('AWS_CONFIG_FILE', other);
    const e = await failureOf({ mode: 'profile', profile: 'sso-dev' });
    expect(e.kind).toBe('profile-not-found');
    expect(e.message).toContain(other);
  });

  it.each(['sso-dev', 'legacy-sso'])(
    'tells the analyst to run aws sso login when %s has no cached token',
    async (profile) => {
      const e = await failureOf({ mode: 'profile', profile });
      expect(e.kind).toBe('sso-session-expired');
      expect(e.message).toContain(`run \`aws sso login --profile ${profile}\``);
    },
  );

  it('says the same when the cached SSO token has expired', async () => {
    const cache = join(aws.home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const file = createHash('sha1').update('corp').digest('hex');
    writeFileSync(
      join(cache, `${file}.json`),
      JSON.stringify({
        accessToken: 'expired-token-value',
        expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
        region: 'us-east-1',
        startUrl: 'https://corp.awsapps.com/start#/',
      }),
    );
    const e = await failureOf({ mode: 'profile', profile: 'sso-dev' });
    expect(e.kind).toBe('sso-session-expired');
    expect(e.message).toContain('aws sso login --profile sso-dev');
  });

  it('tells a profile with no way to sign in from a missing one', async () => {
    expect((await failureOf({ mode: 'profile', profile: 'region-only' })).kind).toBe(
      'profile-incomplete',
    );
    const orphan = await failureOf({ mode: 'profile', profile: 'orphan-role' });
    expect(orphan.kind).toBe('profile-incomplete');
    expect(orphan.message).toContain('from profile "ghost"');
  });

  it('explains that MFA profiles cannot be used', async () => {
    expect((await failureOf({ mode: 'profile', profile: 'mfa-role' })).kind).toBe('mfa-required');
  });

  it('reports a failing credential_process', async () => {
    const e = await failureOf({ mode: 'profile', profile: 'from-process' });
    expect(e.kind).toBe('credential-process-failed');
  });
});

describe('classifyProfileError', () => {
  it('sees AWS rejecting an SSO token as an expired sign-in', async () => {
    const e = Object.assign(new Error('Session token not found or invalid'), {
      name: 'UnauthorizedException',
    });
    expect((await classifyProfileError(e, 'my profile')).message).toContain(
      "aws sso login --profile 'my profile'",
    );
  });

  it('sees a DNS failure as the network', async () => {
    const e = Object.assign(new Error('getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com'), {
      code: 'ENOTFOUND',
    });
    expect(await classifyProfileError(e, 'analyst-role')).toMatchObject({ kind: 'network' });
  });

  it('keeps the SDK’s words for anything else, with secrets masked', async () => {
    const e = new Error('odd failure secretAccessKey=abcdEFGHijklMNOP1234');
    const classified = await classifyProfileError(e, 'p');
    expect(classified.kind).toBe('unknown');
    expect(classified.message).toContain('odd failure');
    expect(classified.message).not.toContain('abcdEFGH');
  });
});

describe('access keys from the keychain', () => {
  it('returns the stored keys', async () => {
    const keys = createMemorySecretStore();
    await saveAccessKeys(keys, {
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
    });
    expect(await resolveCredentialProvider({ mode: 'keys' }, keys)()).toEqual({
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
    });
  });

  it('says when no keys are stored', async () => {
    const e = await failureOf({ mode: 'keys' }, createMemorySecretStore());
    expect(e.kind).toBe('no-keys-stored');
    expect(e.message).toMatch(/No AWS access keys are stored/);
  });

  it('offers profiles when the keychain is unavailable', async () => {
    const unavailable = createMemorySecretStore(
      {},
      { unavailableReason: 'No desktop keychain is available: test.' },
    );
    const e = await failureOf({ mode: 'keys' }, unavailable);
    expect(e.kind).toBe('keychain-unavailable');
    expect(e.appErrorCode).toBe('keychain_unavailable');
    expect(e.message).toBe(
      'No desktop keychain is available: test. Stored access keys cannot be read without it: use an AWS profile instead.',
    );
  });

  it('asks for the keys again when the stored ones are damaged', async () => {
    const damaged = createMemorySecretStore({ 'aws-access-key:default': '{"accessKeyId":1}' });
    expect((await failureOf({ mode: 'keys' }, damaged)).kind).toBe('invalid-stored-keys');
  });
});
