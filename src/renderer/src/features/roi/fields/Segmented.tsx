import { onRovingKeyDown, rovingTabIndex } from '../../../components/rovingKeys';

interface SegmentedProps {
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  labelledBy: string;
  testId: string;
}

/** A small exclusive choice shown as a row of buttons (a radio group for assistive tech). */
export function Segmented({ value, options, onChange, labelledBy, testId }: SegmentedProps) {
  return (
    <div
      className="segmented"
      role="radiogroup"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onKeyDown={onRovingKeyDown}
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={rovingTabIndex(o.value === value)}
          className={o.value === value ? 'segment active' : 'segment'}
          data-testid={`${testId}-${o.value}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
