import { useState } from 'react';
import type { HangSettings } from '../../../../shared/domain/settings';

/** Seconds as typed, to milliseconds as stored: empty is null (the derived default). */
const toMs = (text: string): number | null =>
  text.trim() === '' ? null : Math.round(Number(text) * 1000);
const toText = (ms: number | null): string => (ms === null ? '' : String(ms / 1000));

/**
 * One limit in seconds. What was typed stays as typed while it means the stored value (so "1."
 * on its way to "1.5" is not rewritten), and follows the value when it changes from outside (a
 * save, a reload).
 */
function SecondsField({
  id,
  label,
  valueMs,
  onChange,
}: {
  id: string;
  label: string;
  valueMs: number | null;
  onChange: (ms: number | null) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed !== null && toMs(typed) === valueMs ? typed : toText(valueMs);
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label} <span className="optional">seconds, optional</span>
      </label>
      <input
        id={id}
        data-testid={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={1}
        max={600}
        step="any"
        placeholder="from the model’s TTFT"
        value={shown}
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(toMs(e.target.value));
        }}
      />
    </div>
  );
}

/**
 * The hang limits (`stallFirstEventMs`, `stallIdleMs`): how long a call may wait for its
 * stream's first event, and how long a stream may stay silent, before it is given up as hung
 * and retried. Empty leaves each derived from the model's measured time to first token.
 */
export function HangLimitsFields({
  value,
  onChange,
}: {
  value: HangSettings;
  onChange: (next: HangSettings) => void;
}) {
  return (
    <fieldset className="hang-limits" data-testid="hang-limits">
      <legend className="label">Hang detection</legend>
      <p className="hint">
        A call whose stream sends nothing this long is given up as hung and retried; a hang does not
        lower the concurrency. Empty: 4 × the model’s slowest recent time to first token, within
        1–60 s (10 s until it has answered once). Set: used as given, 1–600 s.
      </p>
      <div className="setup-grid">
        <SecondsField
          id="stall-first-event"
          label="First event within"
          valueMs={value.stallFirstEventMs}
          onChange={(stallFirstEventMs) => onChange({ ...value, stallFirstEventMs })}
        />
        <SecondsField
          id="stall-idle"
          label="Silence between events"
          valueMs={value.stallIdleMs}
          onChange={(stallIdleMs) => onChange({ ...value, stallIdleMs })}
        />
      </div>
    </fieldset>
  );
}
