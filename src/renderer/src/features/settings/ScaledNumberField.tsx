import { useState } from 'react';

/**
 * One optional number setting, typed in the unit the user reads (seconds, GB, records) and
 * stored in another (`scale` stored units per typed unit): empty is null. What was typed stays
 * as typed while it means the stored value (so "1." on its way to "1.5" is not rewritten), and
 * follows the value when it changes from outside (a save, a reload).
 */
export function ScaledNumberField({
  id,
  label,
  unit,
  scale,
  value,
  onChange,
  placeholder,
  min,
  max,
  whole = false,
}: {
  id: string;
  label: string;
  /** Shown beside the label: "seconds", "GB"; null where the label says it ("Records per job"). */
  unit: string | null;
  scale: number;
  value: number | null;
  onChange: (stored: number | null) => void;
  /** What applies when empty. */
  placeholder: string;
  min: number;
  max: number;
  /** Whole numbers only (records). */
  whole?: boolean;
}) {
  const toStored = (text: string): number | null =>
    text.trim() === '' ? null : Math.round(Number(text) * scale);
  const [typed, setTyped] = useState<string | null>(null);
  const shown =
    typed !== null && toStored(typed) === value
      ? typed
      : value === null
        ? ''
        : String(value / scale);
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label} <span className="optional">{unit === null ? 'optional' : `${unit}, optional`}</span>
      </label>
      <input
        id={id}
        data-testid={id}
        className="input"
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={whole ? 1 : 'any'}
        placeholder={placeholder}
        value={shown}
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(toStored(e.target.value));
        }}
      />
    </div>
  );
}
