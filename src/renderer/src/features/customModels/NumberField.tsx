import type { ReactNode } from 'react';

/** A typed number, or undefined while the text is not a number of at least 0. */
export const typedNumber = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** A labelled number input that keeps what is typed as text (the caller parses it). */
export function NumberField({
  label,
  value,
  onChange,
  testId,
  placeholder,
  integer = false,
}: {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  testId: string;
  placeholder?: string;
  integer?: boolean;
}) {
  return (
    <label className="label">
      {label}
      <input
        className="input input-num"
        data-testid={testId}
        inputMode={integer ? 'numeric' : 'decimal'}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
