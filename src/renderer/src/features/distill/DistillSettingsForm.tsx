import { useEffect, useState } from 'react';
import type { DistillSettings } from '../../../../shared/distill/distillDomain';
import { api } from '../../api/transport';
import { useCall } from '../../api/useCall';
import { ErrorBanner } from '../../components/Banner';

/** The role, S3 location and budget every launch uses (saved in the app's settings). */
/** `onSaved` must be stable (a state setter): the settings are read when it changes. */
export function DistillSettingsForm({ onSaved }: { onSaved: (s: DistillSettings) => void }) {
  const [roleArn, setRoleArn] = useState('');
  const [s3Uri, setS3Uri] = useState('');
  const [budget, setBudget] = useState('');
  const [saved, setSaved] = useState(false);
  const { run, error, setError, busy } = useCall();

  useEffect(() => {
    void api.getDistillSettings({}).then((r) => {
      if (!r.ok) return;
      setRoleArn(r.value.roleArn ?? '');
      setS3Uri(r.value.s3Uri ?? '');
      setBudget(r.value.budgetUsd === null ? '' : String(r.value.budgetUsd));
      onSaved(r.value);
    });
  }, [onSaved]);

  const save = async () => {
    const n = Number(budget);
    const s = await run(() =>
      api.saveDistillSettings({
        roleArn: roleArn.trim() || null,
        s3Uri: s3Uri.trim() || null,
        budgetUsd: budget.trim() === '' || !Number.isFinite(n) ? null : n,
      }),
    );
    if (s) {
      setSaved(true);
      onSaved(s);
    }
  };

  return (
    <form
      className="pane distill-settings"
      aria-label="Distillation settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="pane-title">Settings</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="field">
        <label className="label" htmlFor="distill-role">
          Service role ARN
        </label>
        <input
          id="distill-role"
          className="input"
          data-testid="distill-role"
          placeholder="arn:aws:iam::123456789012:role/BedrockDistillationRole"
          value={roleArn}
          onChange={(e) => {
            setSaved(false);
            setRoleArn(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label className="label" htmlFor="distill-s3">
          S3 location for training data and output
        </label>
        <input
          id="distill-s3"
          className="input"
          data-testid="distill-s3"
          placeholder="s3://my-bucket/distill/"
          value={s3Uri}
          onChange={(e) => {
            setSaved(false);
            setS3Uri(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label className="label" htmlFor="distill-budget">
          Budget (USD) <span className="optional">ask before launching above it</span>
        </label>
        <input
          id="distill-budget"
          className="input"
          inputMode="decimal"
          data-testid="distill-budget"
          value={budget}
          onChange={(e) => {
            setSaved(false);
            setBudget(e.target.value);
          }}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn" data-testid="distill-save-settings" disabled={busy}>
          Save settings
        </button>
        {saved && <span className="hint">Saved.</span>}
      </div>
    </form>
  );
}
