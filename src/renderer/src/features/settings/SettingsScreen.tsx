import { useState } from 'react';
import type { AwsSettings } from '../../../../shared/domain/settings';
import type { CredentialStatus } from '../../../../shared/ipc/settingsChannels';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';
import { REGIONS } from '../runs/ExperimentSetup';
import { AccessKeysForm, NO_TYPED_KEYS, type TypedKeys } from './AccessKeysForm';
import { ConnectionTest } from './ConnectionTest';
import { HangLimitsFields } from './HangLimitsFields';
import { BatchSettingsFields } from './BatchSettingsFields';
import { useQuery } from '../../api/useQuery';
import type { BatchSettings } from '../../../../shared/batch/batchSettings';

/**
 * Where the app gets AWS credentials from, which region and endpoints it calls, when a call
 * counts as hung, what batch experiments start from, and a test call.
 */
export function SettingsScreen() {
  const [status, setStatus] = useState<CredentialStatus | null>(null);
  const [draft, setDraft] = useState<AwsSettings | null>(null);
  const { run, error, setError, busy } = useCall();
  const [saved, setSaved] = useState(false);
  const [keys, setKeys] = useState<TypedKeys>(NO_TYPED_KEYS);

  useQuery(() => api.getCredentialStatus({}), [], {
    onData: (s) => {
      setStatus(s);
      setDraft(s.settings);
    },
    onError: setError,
  });
  // Saved through their own channel; one Save button saves both.
  const [batchSaved, setBatchSaved] = useState<BatchSettings | null>(null);
  const [batchDraft, setBatchDraft] = useState<BatchSettings | null>(null);
  useQuery(() => api.getBatchSettings({}), [], {
    onData: (b) => {
      setBatchSaved(b);
      setBatchDraft(b);
    },
    onError: setError,
  });

  const apply = (s: CredentialStatus | null) => {
    if (!s) return;
    setStatus(s);
    setDraft(s.settings);
  };

  if (!status || !draft || !batchSaved || !batchDraft) {
    return (
      <section className="screen" data-app-state="loading">
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <p className="hint">Checking the keychain and AWS profiles…</p>
      </section>
    );
  }
  const keychainOff = !status.keychain.available;
  const dirty =
    JSON.stringify(draft) !== JSON.stringify(status.settings) ||
    JSON.stringify(batchDraft) !== JSON.stringify(batchSaved);
  // The batch settings first: a refusal there (a field named) leaves both unsaved.
  const save = async () => {
    const b = await run(() => api.saveBatchSettings(batchDraft));
    if (!b) return;
    setBatchSaved(b);
    setBatchDraft(b);
    const s = await run(() => api.saveAwsSettings(draft));
    apply(s);
    setSaved(s !== null);
  };
  return (
    <section className="screen settings" data-app-state="ready" data-testid="settings-screen">
      <h1>Settings</h1>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="pane settings-pane">
        <h2>AWS credentials</h2>
        <fieldset className="radio-list">
          <legend className="visually-hidden">Credentials source</legend>
          <label className="check">
            <input
              type="radio"
              name="mode"
              checked={draft.credentialMode === 'default-chain'}
              onChange={() => setDraft({ ...draft, credentialMode: 'default-chain' })}
            />
            The AWS default chain (environment variables, the default profile, an instance role)
          </label>
          <label className="check">
            <input
              type="radio"
              name="mode"
              data-testid="mode-profile"
              checked={draft.credentialMode === 'profile'}
              onChange={() =>
                setDraft({
                  ...draft,
                  credentialMode: 'profile',
                  profile: draft.profile ?? status.profiles[0]?.name ?? null,
                })
              }
            />
            An AWS profile from ~/.aws (SSO profiles included)
          </label>
          {draft.credentialMode === 'profile' && (
            <select
              className="input indent"
              aria-label="AWS profile"
              value={draft.profile ?? ''}
              onChange={(e) => setDraft({ ...draft, profile: e.target.value })}
            >
              {status.profiles.length === 0 && (
                <option value="">No profiles found in ~/.aws</option>
              )}
              {status.profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({p.kind}
                  {p.region ? `, ${p.region}` : ''})
                </option>
              ))}
            </select>
          )}
          <label className="check">
            <input
              type="radio"
              name="mode"
              disabled={keychainOff}
              checked={draft.credentialMode === 'keys'}
              onChange={() => setDraft({ ...draft, credentialMode: 'keys' })}
            />
            Access keys kept in the OS keychain
          </label>
        </fieldset>
        {keychainOff && (
          <p className="banner banner-warn" data-testid="keychain-unavailable">
            No OS keychain is available (
            {status.keychain.available ? '' : status.keychain.reason.replace(/\.$/, '')}). The app
            never stores keys in a file: use an AWS profile or the default chain.
          </p>
        )}
        {!keychainOff && (
          <AccessKeysForm status={status} onStatus={apply} keys={keys} onKeys={setKeys} />
        )}
        <div className="setup-grid">
          <div className="field">
            <label htmlFor="default-region" className="label">
              Default region
            </label>
            <select
              id="default-region"
              className="input"
              value={draft.defaultRegion}
              onChange={(e) => setDraft({ ...draft, defaultRegion: e.target.value })}
            >
              {REGIONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="endpoint" className="label">
              Endpoint <span className="optional">optional, e.g. a VPC endpoint</span>
            </label>
            <input
              id="endpoint"
              className="input"
              placeholder="https://bedrock-runtime.us-east-1.amazonaws.com"
              value={draft.endpointOverride ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  endpointOverride: e.target.value.trim() === '' ? null : e.target.value,
                })
              }
            />
          </div>
          <div className="field">
            <label htmlFor="control-plane-endpoint" className="label">
              Control-plane endpoint <span className="optional">optional, for model lists</span>
            </label>
            <input
              id="control-plane-endpoint"
              className="input"
              placeholder="https://bedrock.us-east-1.amazonaws.com"
              value={draft.controlPlaneEndpoint ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  controlPlaneEndpoint: e.target.value.trim() === '' ? null : e.target.value,
                })
              }
            />
          </div>
          <div className="field">
            <label htmlFor="price-list-url" className="label">
              Price List URL <span className="optional">optional, e.g. a proxy or mirror</span>
            </label>
            <input
              id="price-list-url"
              className="input"
              placeholder="https://pricing.us-east-1.amazonaws.com"
              value={draft.priceListUrl ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  priceListUrl: e.target.value.trim() === '' ? null : e.target.value,
                })
              }
            />
          </div>
        </div>
        <HangLimitsFields value={draft} onChange={(limits) => setDraft({ ...draft, ...limits })} />
        <BatchSettingsFields value={batchDraft} onChange={setBatchDraft} />
        <div className="modal-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="save-settings"
            disabled={busy}
            onClick={() => void save()}
          >
            Save settings
          </button>
          <span className="save-state" role="status" data-testid="settings-save-state">
            {dirty ? 'Unsaved changes' : saved ? 'Saved: new runs use these settings.' : ''}
          </span>
        </div>
      </div>
      <ConnectionTest
        settings={draft}
        typedKeys={
          draft.credentialMode === 'keys' && keys.keyId.trim() !== '' && keys.secret.trim() !== ''
            ? {
                accessKeyId: keys.keyId,
                secretAccessKey: keys.secret,
                sessionToken: keys.token.trim() === '' ? null : keys.token,
              }
            : null
        }
      />
    </section>
  );
}
