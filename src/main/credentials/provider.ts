/**
 * Turns the analyst's choice in Settings (an AWS profile, or access keys in the keychain) into
 * the credential provider the Bedrock client is built with. Failures come out as CredentialError
 * with a message that says what to do; the SDK's wording stays in `cause`.
 */
import type { fromIni } from '@aws-sdk/credential-providers';
import { shellWord } from '../../shared/shellWord';
import { EndpointRefusedError } from '../common/endpoints';
import { redact } from '../log';
import { InvalidAccessKeysError, loadAccessKeys } from './accessKeys';
import { CredentialError } from './credentialError';
import { checkedCredentials } from './signInEndpoints';
import { awsFileLocations, listProfiles, type ProfileSourceOptions } from './profiles';
import { KeychainUnavailableError, type SecretStore } from './secretStore';

/** The SDK's provider type, taken from fromIni so no undeclared @aws-sdk/types import is needed. */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromIni>;
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

export type CredentialSettings =
  { mode: 'profile'; profile: string } | { mode: 'keys'; slot?: string };

export function resolveCredentialProvider(
  settings: CredentialSettings,
  store: SecretStore,
  options: ProfileSourceOptions = {},
): AwsCredentialIdentityProvider {
  return settings.mode === 'profile'
    ? profileProvider(settings.profile, options)
    : keysProvider(store, settings.slot);
}

function profileProvider(profile: string, options: ProfileSourceOptions) {
  const files = awsFileLocations(options);
  // fromIni covers static, SSO, assume-role and credential_process profiles. The file paths are
  // passed so it reads exactly what listProfiles showed; ignoreCache picks up a profile the
  // analyst adds while the app runs. The endpoints of the STS, SSO and SSO OIDC clients it builds
  // are checked first (signInEndpoints.ts): a refusal names its source, not a credential kind.
  const inner = checkedCredentials(
    {
      profile,
      filepath: files.credentialsFile,
      configFilepath: files.configFile,
      ignoreCache: true,
    },
    options.env,
  );
  const provider: AwsCredentialIdentityProvider = async (props) => {
    try {
      return await inner(props);
    } catch (e) {
      if (e instanceof EndpointRefusedError) throw e;
      throw await classifyProfileError(e, profile, options);
    }
  };
  return provider;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
]);

export async function classifyProfileError(
  e: unknown,
  profile: string,
  options: ProfileSourceOptions = {},
): Promise<CredentialError> {
  if (e instanceof CredentialError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  const name = typeof err.name === 'string' ? err.name : '';
  const detail = redact(typeof err.message === 'string' ? err.message : String(e));
  const make = (kind: CredentialError['kind'], message: string) =>
    new CredentialError(kind, message, { cause: e });

  // The SDK says "aws sso login" for a missing, expired or unrefreshable SSO token alike;
  // UnauthorizedException is AWS rejecting a token that looked valid locally.
  if (
    /aws sso login|sso session|sso token/i.test(detail) ||
    name === 'UnauthorizedException' ||
    name === 'TokenProviderError'
  ) {
    return make(
      'sso-session-expired',
      `The AWS SSO sign-in for profile "${profile}" has expired or was never made: run \`aws sso login --profile ${shellWord(profile)}\` in a terminal, then try again.`,
    );
  }
  if (/multi-factor|mfa_serial|\bMFA\b/i.test(detail)) {
    return make(
      'mfa-required',
      `Profile "${profile}" asks for an MFA code, which the app cannot prompt for. Use an SSO profile, or a profile without mfa_serial.`,
    );
  }
  if (
    /could not resolve credentials using profile|could not be found|not found or parsed/i.test(
      detail,
    )
  ) {
    // The profile that failed may be another one this profile gets its credentials from.
    const failed = /profile:? \[?([^\]\s]+)\]?/i.exec(detail)?.[1] ?? profile;
    if (failed !== profile) {
      return make(
        'profile-incomplete',
        `Profile "${profile}" gets its credentials from profile "${failed}", which was not found or has no way to sign in.`,
      );
    }
    const files = awsFileLocations(options);
    const known = await listProfiles(options).then(
      (profiles) => profiles.some((p) => p.name === profile),
      () => false,
    );
    return known
      ? make(
          'profile-incomplete',
          `Profile "${profile}" does not say how to sign in: it has no SSO settings, role, access keys or credential_process.`,
        )
      : make(
          'profile-not-found',
          `AWS profile "${profile}" was not found in ${files.configFile} or ${files.credentialsFile}. Pick another profile, or create it with \`aws configure sso\` or \`aws configure\`.`,
        );
  }
  if (/credential_process|command failed/i.test(detail)) {
    return make(
      'credential-process-failed',
      `The credential_process command of profile "${profile}" failed: ${detail}`,
    );
  }
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) {
    return make(
      'network',
      `AWS could not be reached to sign in with profile "${profile}" (${err.code}). Check the network connection, then try again.`,
    );
  }
  return make('unknown', `AWS credentials for profile "${profile}" could not be loaded: ${detail}`);
}

function keysProvider(store: SecretStore, slot: string | undefined) {
  const provider: AwsCredentialIdentityProvider = async () => {
    let keys;
    try {
      keys = await loadAccessKeys(store, slot);
    } catch (e) {
      if (e instanceof KeychainUnavailableError) {
        throw new CredentialError(
          'keychain-unavailable',
          `${e.reason} Stored access keys cannot be read without it: use an AWS profile instead.`,
          { cause: e },
        );
      }
      if (e instanceof InvalidAccessKeysError) {
        throw new CredentialError(
          'invalid-stored-keys',
          `${e.message} Enter the access keys again in Settings.`,
          { cause: e },
        );
      }
      const detail = e instanceof Error ? e.message : String(e);
      throw new CredentialError('unknown', `The access keys could not be read: ${detail}`, {
        cause: e,
      });
    }
    if (keys === null) {
      throw new CredentialError(
        'no-keys-stored',
        'No AWS access keys are stored. Enter an access key in Settings, or use an AWS profile instead.',
      );
    }
    return keys.sessionToken === undefined
      ? { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey }
      : {
          accessKeyId: keys.accessKeyId,
          secretAccessKey: keys.secretAccessKey,
          sessionToken: keys.sessionToken,
        };
  };
  return provider;
}
