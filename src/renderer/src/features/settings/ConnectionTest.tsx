import { useState } from 'react';
import type { AwsSettings } from '../../../../shared/domain/settings';
import type {
  AccessKeysInput,
  ConnectionTest as Result,
} from '../../../../shared/ipc/settingsChannels';
import { formatMs } from '../../../../shared/formatTime';
import { MODELS } from '../../../../shared/pricing/models';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';

/**
 * One tiny call (a few tokens) that tells whether credentials, model access and region work,
 * exactly as the form above says them, saved or not. Testing never saves anything.
 */
export function ConnectionTest({
  settings,
  typedKeys,
}: {
  /** The form as it stands, saved or not. */
  settings: AwsSettings;
  /** Keys typed into the form and not saved; null uses the keys in the keychain. */
  typedKeys: AccessKeysInput | null;
}) {
  const [modelId, setModelId] = useState('meta.llama3-8b-instruct-v1:0');
  const [result, setResult] = useState<Result | null>(null);
  const { run, error, setError, busy } = useCall();
  const test = async () => {
    setResult(null);
    const r = await run(() =>
      api.testConnection({ region: settings.defaultRegion, modelId, settings, typedKeys }),
    );
    setResult(r);
  };
  const source =
    settings.credentialMode === 'default-chain'
      ? 'the AWS default chain'
      : settings.credentialMode === 'profile'
        ? `the AWS profile ${settings.profile ?? '(none chosen)'}`
        : typedKeys
          ? 'the access keys typed above (not saved)'
          : 'the access keys in the keychain';
  return (
    <div className="pane settings-pane" data-testid="connection-test">
      <h2>Test connection</h2>
      <p className="hint">
        Sends one request of a few tokens (well under a cent) and explains the answer. It tests the
        form above as it stands, without saving it.
      </p>
      <p data-testid="connection-what">
        Tests {source}, region {settings.defaultRegion},{' '}
        {settings.endpointOverride
          ? `endpoint ${settings.endpointOverride}`
          : 'the regional endpoint'}
        .
      </p>
      <div className="row">
        <select
          className="input"
          aria-label="Model to test"
          value={modelId}
          onChange={(e) => setModelId(e.target.value)}
        >
          {MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="test-connection"
          disabled={busy}
          onClick={() => void test()}
        >
          {busy ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {result && (
        <p
          className={result.ok ? 'banner banner-ok' : 'banner banner-error'}
          role="status"
          data-testid="connection-result"
        >
          {result.message}
          {result.latencyMs !== null && ` ${formatMs(result.latencyMs)}.`}
        </p>
      )}
    </div>
  );
}
