import { useState, type ReactNode } from 'react';

export interface AssumptionFieldProps {
  /** Test handle base: `${id}-slider`, `${id}-input`, `${id}-missing`. */
  id: string;
  label: string;
  /** NaN means unknown: the field is empty and asks for the figure. */
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  /** Logarithmic for quantities spanning orders of magnitude (volume, tokens, prices). */
  scale?: 'linear' | 'log';
  /** The value is a share (0–1) shown as a percentage. */
  percent?: boolean;
  integer?: boolean;
  unit: string;
  /** The value in words, e.g. "$4,000", next to the label. */
  display?: string;
  hint?: ReactNode;
  /** What to say while the value is unknown. */
  missing?: string;
}

const STEPS = 1000;

/** Slider position (0–STEPS) to value and back, linear or logarithmic between min and max. */
function toValue(p: number, min: number, max: number, log: boolean): number {
  if (!log) return min + ((max - min) * p) / STEPS;
  const lo = Math.log10(min);
  return 10 ** (lo + ((Math.log10(max) - lo) * p) / STEPS);
}
function toPosition(v: number, min: number, max: number, log: boolean): number {
  if (!Number.isFinite(v) || v <= min) return 0;
  if (!log) return Math.round(((v - min) / (max - min)) * STEPS);
  const lo = Math.log10(min);
  return Math.round(((Math.log10(v) - lo) / (Math.log10(max) - lo)) * STEPS);
}
/** Three significant digits: a slider picks a magnitude, the typed field an exact figure. */
const tidy = (v: number, integer: boolean) => {
  if (v === 0) return 0;
  const digits = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
  const r = Math.round(v / digits) * digits;
  return integer ? Math.max(1, Math.round(r)) : Number(r.toPrecision(3));
};
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10, useGrouping: true });
/** The figure as the field shows it, with thousands separators: 15000000 → "15,000,000". */
const shown = (v: number, percent: boolean) =>
  Number.isNaN(v) ? '' : GROUPED.format(Number((percent ? v * 100 : v).toPrecision(10)));
/** What the analyst typed, separators and spaces allowed: "15,000,000" → 15000000. */
const parseTyped = (text: string): number =>
  text.trim() === '' ? Number.NaN : Number(text.replace(/[,\s]/g, ''));
/** One arrow-key step in the typed field: a tenth of the figure's order of magnitude. */
const arrowStep = (v: number, integer: boolean): number => {
  const magnitude = v === 0 || !Number.isFinite(v) ? 1 : 10 ** Math.floor(Math.log10(Math.abs(v)));
  return integer ? Math.max(1, magnitude / 10) : magnitude / 10;
};

/** One assumption: a slider for moving it and a typed field for an exact figure, side by side. */
export function AssumptionField(p: AssumptionFieldProps) {
  const log = p.scale === 'log';
  const percent = p.percent ?? false;
  const top = Number.isFinite(p.value) ? Math.max(p.max, p.value) : p.max;
  const [typed, setTyped] = useState({ text: shown(p.value, percent), value: p.value });
  // A slider move (or a prefill) replaces what was typed; otherwise keep the text as typed.
  if (!Object.is(typed.value, p.value)) setTyped({ text: shown(p.value, percent), value: p.value });
  const unknown = Number.isNaN(p.value);

  const commit = (text: string) => {
    const n = parseTyped(text);
    const ok = Number.isFinite(n) && (!p.integer || Number.isInteger(n));
    const v = ok ? (percent ? n / 100 : n) : Number.NaN;
    setTyped({ text, value: ok ? v : p.value });
    // Out-of-range figures still go through: the scenario's schema says what is wrong with them.
    if (ok) p.onChange(v);
  };

  return (
    <div className={unknown ? 'assumption assumption-missing' : 'assumption'}>
      <div className="assumption-head">
        <label htmlFor={`${p.id}-input`}>{p.label}</label>
        {p.display && !unknown && <span className="assumption-display">{p.display}</span>}
      </div>
      <div className="assumption-controls">
        <input
          type="range"
          min={0}
          max={STEPS}
          step={1}
          value={toPosition(p.value, p.min, top, log)}
          disabled={unknown}
          aria-label={p.label}
          aria-valuetext={p.display}
          // One tab stop per pair: Tab goes to the typed field (arrow keys step it there too);
          // the slider is for the mouse and stays reachable by assistive tech.
          tabIndex={-1}
          data-testid={`${p.id}-slider`}
          onChange={(e) =>
            p.onChange(tidy(toValue(Number(e.target.value), p.min, top, log), p.integer ?? false))
          }
        />
        <span className="assumption-number">
          <input
            id={`${p.id}-input`}
            className="input input-num"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            size={Math.max(6, typed.text.length + 1)}
            value={typed.text}
            // Leaving the field shows the figure as it is kept, separators included.
            onBlur={() => {
              if (Number.isFinite(parseTyped(typed.text)) && !Number.isNaN(p.value)) {
                setTyped({ text: shown(p.value, percent), value: p.value });
              }
            }}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
              const current = parseTyped(typed.text);
              if (!Number.isFinite(current)) return;
              e.preventDefault();
              const step = arrowStep(current, p.integer ?? false);
              const next = Number((current + (e.key === 'ArrowUp' ? step : -step)).toPrecision(10));
              commit(shown(percent ? next / 100 : next, percent));
            }}
            placeholder={unknown ? 'enter it' : undefined}
            aria-invalid={unknown || undefined}
            data-testid={`${p.id}-input`}
            onChange={(e) => commit(e.target.value)}
          />
          <span className="assumption-unit">{p.unit}</span>
        </span>
      </div>
      {unknown && p.missing && (
        <p className="assumption-ask" data-testid={`${p.id}-missing`}>
          {p.missing}
        </p>
      )}
      {p.hint && <p className="assumption-hint">{p.hint}</p>}
    </div>
  );
}
