import { useState } from 'react';
import { today } from './priceFigures';

interface OverrideFormProps {
  /** Field labels and their current values (null: unknown, so the field starts empty). */
  fields: { label: string; unit: string; value: number | null }[];
  onSave: (values: number[], asOf: string, note: string) => Promise<boolean>;
  onCancel: () => void;
  testId: string;
}

/** An override's figures, with the date it holds for and where it comes from (required). */
export function OverrideForm({ fields, onSave, onCancel, testId }: OverrideFormProps) {
  const [values, setValues] = useState(
    fields.map((f) => (f.value === null ? '' : String(f.value))),
  );
  const [asOf, setAsOf] = useState(today());
  const [note, setNote] = useState('');
  const numbers = values.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  const valid =
    numbers.every((n) => Number.isFinite(n) && n >= 0) &&
    note.trim() !== '' &&
    /^\d{4}-\d\d-\d\d$/.test(asOf);
  return (
    <form
      className="override-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void onSave(numbers, asOf, note.trim()).then((ok) => ok && onCancel());
      }}
    >
      {fields.map((f, i) => (
        <label key={f.label}>
          <span className="label">{f.label}</span>
          <span className="assumption-number">
            <input
              className="input input-num"
              type="number"
              min={0}
              step="any"
              placeholder="enter it"
              value={values[i]}
              data-testid={`${testId}-value-${i}`}
              onChange={(e) => setValues((vs) => vs.map((v, j) => (j === i ? e.target.value : v)))}
            />
            <span className="assumption-unit">{f.unit}</span>
          </span>
        </label>
      ))}
      <label>
        <span className="label">As of</span>
        <input
          className="input"
          type="date"
          value={asOf}
          data-testid={`${testId}-asof`}
          onChange={(e) => setAsOf(e.target.value)}
        />
      </label>
      <label className="override-note">
        <span className="label">Source</span>
        <input
          className="input"
          placeholder="Where this price comes from, e.g. AWS console, us-east-1"
          value={note}
          maxLength={300}
          data-testid={`${testId}-note`}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="override-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={!valid}
          data-testid={`${testId}-save`}
        >
          Save override
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
