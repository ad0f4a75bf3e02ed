import { useState } from 'react';
import type { ConnectionTest as Result } from '../../../../shared/ipc/settingsChannels';
import { formatMs } from '../../../../shared/formatTime';
import { MODELS } from '../../../../shared/pricing/models';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { REGIONS } from '../runs/ExperimentSetup';

/** One tiny call (a few tokens) that tells whether credentials, model access and region work. */
export function ConnectionTest({
  defaultRegion,
  unsaved,
}: {
  defaultRegion: string;
  /** The form above has changes not saved yet: the test call uses the saved settings. */
  unsaved: boolean;
}) {
  const [region, setRegion] = useState(defaultRegion);
  const [modelId, setModelId] = useState('meta.llama3-8b-instruct-v1:0');
  const [result, setResult] = useState<Result | null>(null);
  const { run, error, setError, busy } = useCall();
  return (
    <div className="pane settings-pane" data-testid="connection-test">
      <h2>Test connection</h2>
      <p className="hint">
        Sends one request of a few tokens (well under a cent) and explains the answer.
      </p>
      {unsaved && (
        <p className="banner banner-warn" data-testid="connection-uses-saved">
          The test uses the saved settings: save your changes above to test them.
        </p>
      )}
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
        <select
          className="input"
          aria-label="Region to test"
          value={region}
          onChange={(e) => setRegion(e.target.value)}
        >
          {REGIONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="test-connection"
          disabled={busy}
          onClick={() => void run(() => api.testConnection({ region, modelId })).then(setResult)}
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
