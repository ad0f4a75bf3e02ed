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

  const field = (
    id: string,
    label: string,
    value: string,
    setValue: (v: string) => void,
    o: { placeholder?: string; hint?: string; inputMode?: 'decimal' },
  ) => (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label} {o.hint && <span className="optional">{o.hint}</span>}
      </label>
      <input
        id={id}
        className="input"
        data-testid={id}
        placeholder={o.placeholder}
        inputMode={o.inputMode}
        value={value}
        onChange={(e) => {
          setSaved(false);
          setValue(e.target.value);
        }}
      />
    </div>
  );
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
      {field('distill-role', 'Service role ARN', roleArn, setRoleArn, {
        placeholder: 'arn:aws:iam::123456789012:role/BedrockDistillationRole',
      })}
      {field('distill-s3', 'S3 location for training data and output', s3Uri, setS3Uri, {
        placeholder: 's3://my-bucket/distill/',
      })}
      {field('distill-budget', 'Budget (USD)', budget, setBudget, {
        hint: 'ask before launching above it',
        inputMode: 'decimal',
      })}
      <div className="row">
        <button type="submit" className="btn" data-testid="distill-save-settings" disabled={busy}>
          Save settings
        </button>
        {saved && <span className="hint">Saved.</span>}
      </div>
    </form>
  );
}
