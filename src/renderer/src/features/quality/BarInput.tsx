import { useState } from 'react';

interface BarInputProps {
  value: number;
  min: number;
  max: number;
  label: string;
  testId: string;
  onCommit: (value: number) => void;
}

/** The analyst's quality bar for one metric; saved on Enter or when the field loses focus. */
export function BarInput({ value, min, max, label, testId, onCommit }: BarInputProps) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The saved bar changed underneath (another save): show it instead of a stale draft.
    setShown(value);
    setText(String(value));
  }
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return setText(String(value));
    if (n !== value) onCommit(n);
  };
  return (
    <input
      type="number"
      className="input input-num bar-input"
      aria-label={label}
      data-testid={testId}
      value={text}
      min={min}
      max={max}
      step={max - min <= 1 ? 0.05 : 0.5}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
