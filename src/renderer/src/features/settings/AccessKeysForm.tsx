import type { CredentialStatus } from '../../../../shared/ipc/settingsChannels';

/** The three key fields as typed: kept by Settings so "Test connection" can try them unsaved. */
export interface TypedKeys {
  keyId: string;
  secret: string;
  token: string;
}
export const NO_TYPED_KEYS: TypedKeys = { keyId: '', secret: '', token: '' };
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';

/** Keys go from this form straight into the keychain; the app only ever shows their last four characters. */
export function AccessKeysForm({
  status,
  onStatus,
  keys,
  onKeys,
}: {
  status: CredentialStatus;
  onStatus: (s: CredentialStatus | null) => void;
  keys: TypedKeys;
  onKeys: (k: TypedKeys) => void;
}) {
  const { keyId, secret, token } = keys;
  const setKeyId = (v: string) => onKeys({ ...keys, keyId: v });
  const setSecret = (v: string) => onKeys({ ...keys, secret: v });
  const setToken = (v: string) => onKeys({ ...keys, token: v });
  const { run, error, setError, busy } = useCall();

  const save = async () => {
    const s = await run(() =>
      api.saveAccessKeys({
        accessKeyId: keyId,
        secretAccessKey: secret,
        sessionToken: token.trim() === '' ? null : token,
      }),
    );
    if (s) onKeys(NO_TYPED_KEYS);
    onStatus(s);
  };

  return (
    <div className="keys-form">
      {status.storedKeys ? (
        <p data-testid="stored-keys">
          Stored in the keychain: access key <code>{status.storedKeys.accessKeyIdHint}</code>
          {status.storedKeys.hasSessionToken && ' with a session token'}.{' '}
          <button
            type="button"
            className="btn-link"
            onClick={() => void run(() => api.deleteAccessKeys({})).then(onStatus)}
          >
            Remove
          </button>
        </p>
      ) : (
        <p className="hint">No access keys stored.</p>
      )}
      <div className="setup-grid">
        <div className="field">
          <label htmlFor="key-id" className="label">
            Access key id
          </label>
          <input
            id="key-id"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={keyId}
            onChange={(e) => setKeyId(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="key-secret" className="label">
            Secret access key
          </label>
          <input
            id="key-secret"
            className="input"
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="key-token" className="label">
            Session token <span className="optional">for temporary keys</span>
          </label>
          <input
            id="key-token"
            className="input"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <button
        type="button"
        className="btn"
        disabled={busy || !keyId || !secret}
        onClick={() => void save()}
      >
        Save keys to the keychain
      </button>
    </div>
  );
}
