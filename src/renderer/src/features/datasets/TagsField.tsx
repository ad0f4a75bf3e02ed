interface TagsFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/** Tags are typed as one comma-separated line; `parseTagsInput` turns it into the list. */
export const parseTagsInput = (value: string): string[] => [
  ...new Set(
    value
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  ),
];

export function TagsField({ id, value, onChange, onBlur }: TagsFieldProps) {
  return (
    <div className="field field-tags">
      <label htmlFor={id} className="label">
        Tags
      </label>
      <input
        id={id}
        className="input"
        placeholder="comma, separated"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
}
