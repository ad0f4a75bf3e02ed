import {
  QUOTA_FIELDS,
  QUOTA_KEYS,
  quotaFigure,
  type BatchSettings,
  type QuotaKey,
} from '../../../../shared/batch/batchSettings';
import { DEFAULT_BATCH_QUOTAS } from '../../../../shared/batch/quotas';
import { ScaledNumberField } from './ScaledNumberField';

const GB = 1024 * 1024 * 1024;

/** Test ids and ids of the quota fields: `batch-quota-min-records-per-job`, ... */
const quotaId = (key: QuotaKey): string =>
  `batch-quota-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Batch inference settings: the service role and the S3 location every batch experiment starts
 * from (the experiment form is prefilled with them; `run --mode batch` uses them when --role-arn
 * or --s3 is left out), and the fallback quotas the planner uses where the account's Service
 * Quotas cannot be read. Each field empty: nothing saved (a quota: AWS's documented default).
 */
export function BatchSettingsFields({
  value,
  onChange,
}: {
  value: BatchSettings;
  onChange: (next: BatchSettings) => void;
}) {
  const text = (s: string): string | null => (s.trim() === '' ? null : s);
  return (
    <fieldset className="batch-settings" data-testid="batch-settings">
      <legend className="label">Batch inference</legend>
      <p className="hint">
        New batch experiments start from this role and S3 location (each experiment may change
        them). The quotas apply where your account’s Service Quotas cannot be read; empty: AWS’s
        documented default.
      </p>
      <div className="setup-grid">
        <div className="field">
          <label htmlFor="batch-settings-role" className="label">
            Service role ARN <span className="optional">optional</span>
          </label>
          <input
            id="batch-settings-role"
            data-testid="batch-settings-role"
            className="input"
            placeholder="arn:aws:iam::123456789012:role/BedrockBatchRole"
            value={value.roleArn ?? ''}
            onChange={(e) => onChange({ ...value, roleArn: text(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="batch-settings-s3" className="label">
            S3 location <span className="optional">optional, inputs and outputs</span>
          </label>
          <input
            id="batch-settings-s3"
            data-testid="batch-settings-s3"
            className="input"
            placeholder="s3://my-bucket/distill-roi/"
            value={value.s3Uri ?? ''}
            onChange={(e) => onChange({ ...value, s3Uri: text(e.target.value) })}
          />
        </div>
      </div>
      <div className="setup-grid quota-grid">
        {QUOTA_KEYS.map((key) => {
          const f = QUOTA_FIELDS[key];
          const gb = f.unit === 'GB';
          return (
            <ScaledNumberField
              key={key}
              id={quotaId(key)}
              label={f.label}
              unit={gb ? 'GB' : null}
              scale={gb ? GB : 1}
              value={value.quotas[key]}
              onChange={(n) => onChange({ ...value, quotas: { ...value.quotas, [key]: n } })}
              placeholder={quotaFigure(key, DEFAULT_BATCH_QUOTAS[key])}
              min={gb ? 0.01 : f.min}
              max={gb ? 900 : f.max}
              whole={!gb}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
