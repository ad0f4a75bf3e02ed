import type { HangSettings } from '../../../../shared/domain/settings';
import { ScaledNumberField } from './ScaledNumberField';

/** One limit, typed in seconds and stored in milliseconds; empty is derived from the TTFT. */
function SecondsField(props: {
  id: string;
  label: string;
  valueMs: number | null;
  onChange: (ms: number | null) => void;
}) {
  return (
    <ScaledNumberField
      id={props.id}
      label={props.label}
      unit="seconds"
      scale={1000}
      value={props.valueMs}
      onChange={props.onChange}
      placeholder="from the model’s TTFT"
      min={1}
      max={600}
    />
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
