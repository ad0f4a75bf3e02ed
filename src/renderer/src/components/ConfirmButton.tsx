import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  testId?: string;
  className?: string;
  /** The way back, when "Cancel" could be read as cancelling the thing itself. */
  cancelLabel?: string;
}

/** A destructive action that asks once more in place, instead of a modal the user clicks through. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  testId,
  className,
  cancelLabel,
}: ConfirmButtonProps) {
  const [armed, setArmed] = useState(false);
  if (!armed) {
    return (
      <button
        type="button"
        className={className ?? 'btn btn-ghost'}
        data-testid={testId}
        onClick={() => setArmed(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="btn btn-danger btn-small"
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={() => {
          setArmed(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid={testId ? `${testId}-cancel` : undefined}
        onClick={() => setArmed(false)}
      >
        {cancelLabel ?? 'Cancel'}
      </button>
    </span>
  );
}
