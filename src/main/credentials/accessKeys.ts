/**
 * An AWS access key pair (and optional session token) kept in the keychain as one JSON secret,
 * so the three parts are saved and replaced together. Nothing here returns or logs the secret
 * outside `loadAccessKeys`, whose caller hands it straight to the AWS SDK.
 */
import { registerSecret } from '../log';
import type { SecretStore } from './secretStore';

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What the UI may show about stored keys: never the secret, only the key id's last 4 chars. */
export interface StoredKeysDescription {
  accessKeyIdHint: string;
  hasSessionToken: boolean;
}

export const DEFAULT_KEY_SLOT = 'default';

export const accessKeyAccount = (slot: string = DEFAULT_KEY_SLOT): string =>
  `aws-access-key:${slot}`;

/** Problems are described without echoing any value: the user may have pasted a secret anywhere. */
export class InvalidAccessKeysError extends Error {
  override readonly name = 'InvalidAccessKeysError';
  constructor(
    readonly problems: string[],
    /** True when the keys read from the keychain are damaged, not keys the user just typed. */
    readonly stored = false,
  ) {
    super(
      `${stored ? 'The access keys stored in the keychain are damaged' : 'These access keys are not valid'}: ${problems.join(' ')}`,
    );
  }
}

// AWS key ids are 20 capitals and digits; AKIA is a long-term key, ASIA a temporary one. Kept
// loose on length so a future format does not lock users out.
const KEY_ID_PATTERN = /^(AKIA|ASIA)[A-Z0-9]{8,124}$/;

interface AccessKeysInput {
  accessKeyId: unknown;
  secretAccessKey: unknown;
  sessionToken?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Trims and checks what the user entered; throws InvalidAccessKeysError listing every problem. */
export function parseAccessKeys(input: AccessKeysInput, stored = false): AccessKeys {
  const accessKeyId = text(input.accessKeyId);
  const secretAccessKey = text(input.secretAccessKey);
  const sessionToken = text(input.sessionToken);
  const problems: string[] = [];

  if (!KEY_ID_PATTERN.test(accessKeyId)) {
    // A secret key (40 mixed-case chars, maybe with / or +) in the id field is the usual slip.
    const looksLikeSecret = accessKeyId.length >= 30 && /[a-z/+]/.test(accessKeyId);
    problems.push(
      looksLikeSecret
        ? 'The access key ID looks like a secret access key: check the two fields are not swapped.'
        : 'The access key ID should start with AKIA (or ASIA for temporary keys) followed by capital letters and digits.',
    );
  }
  if (secretAccessKey === '') problems.push('The secret access key is missing.');
  else if (/\s/.test(secretAccessKey)) problems.push('The secret access key contains spaces.');
  if (/\s/.test(sessionToken)) problems.push('The session token contains spaces.');
  if (accessKeyId.startsWith('ASIA') && sessionToken === '') {
    problems.push('Keys whose ID starts with ASIA are temporary and need their session token.');
  }
  if (problems.length > 0) throw new InvalidAccessKeysError(problems, stored);

  return sessionToken === ''
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}

function describeKeys(keys: AccessKeys): StoredKeysDescription {
  return {
    accessKeyIdHint: `…${keys.accessKeyId.slice(-4)}`,
    hasSessionToken: keys.sessionToken !== undefined,
  };
}

/** Masks the secret parts in every later log line, for as long as the app runs. */
export function registerKeySecrets(keys: {
  secretAccessKey?: unknown;
  sessionToken?: unknown;
}): void {
  if (typeof keys.secretAccessKey === 'string') registerSecret(keys.secretAccessKey.trim());
  if (typeof keys.sessionToken === 'string') registerSecret(keys.sessionToken.trim());
}

export async function saveAccessKeys(
  store: SecretStore,
  input: AccessKeysInput,
  slot: string = DEFAULT_KEY_SLOT,
): Promise<StoredKeysDescription> {
  const keys = parseAccessKeys(input);
  registerKeySecrets(keys);
  await store.set(accessKeyAccount(slot), JSON.stringify({ version: 1, ...keys }));
  return describeKeys(keys);
}

/** The stored keys, or null when none are stored. Throws InvalidAccessKeysError if damaged. */
export async function loadAccessKeys(
  store: SecretStore,
  slot: string = DEFAULT_KEY_SLOT,
): Promise<AccessKeys | null> {
  const raw = await store.get(accessKeyAccount(slot));
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // We cannot tell where the secret sits in an unreadable value: mask all of it.
    registerSecret(raw);
    throw new InvalidAccessKeysError(['The saved value is not readable.'], true);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    registerSecret(raw);
    throw new InvalidAccessKeysError(['The saved value is not readable.'], true);
  }
  const fields = parsed as Record<string, unknown>;
  // Registered before validation, so that even a damaged entry's secret stays out of the logs.
  registerKeySecrets(fields);
  return parseAccessKeys(
    {
      accessKeyId: fields.accessKeyId,
      secretAccessKey: fields.secretAccessKey,
      sessionToken: fields.sessionToken,
    },
    true,
  );
}

/** For Settings: which keys are stored, without the secret. Null when none are. */
export async function describeStoredKeys(
  store: SecretStore,
  slot: string = DEFAULT_KEY_SLOT,
): Promise<StoredKeysDescription | null> {
  const keys = await loadAccessKeys(store, slot);
  return keys === null ? null : describeKeys(keys);
}

export function deleteAccessKeys(
  store: SecretStore,
  slot: string = DEFAULT_KEY_SLOT,
): Promise<boolean> {
  return store.delete(accessKeyAccount(slot));
}
