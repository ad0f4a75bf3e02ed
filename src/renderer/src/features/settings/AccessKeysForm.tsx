import { useState } from 'react';
import type { CredentialStatus } from '../../../../shared/ipc/settingsChannels';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';

/** Keys go from this form straight into the keychain; the app only ever shows their last four characters. */
export function AccessKeysForm({
  status,
  onStatus,
}: {
  status: CredentialStatus;
  onStatus: (s: CredentialStatus | null) => void;
}) {
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');
  const { run, error, setError, busy } = useCall();

  const save = async () => {
    const s = await run(() =>
      api.saveAccessKeys({
        accessKeyId: keyId,
        secretAccessKey: secret,
        sessionToken: token.trim() === '' ? null : token,
      }),
    );
    if (s) {
      setKeyId('');
      setSecret('');
      setToken('');
    }
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
