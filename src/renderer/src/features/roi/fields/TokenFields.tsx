import { formatNumber } from '../../../../../shared/format';
import type { PriceCatalog } from '../../../../../shared/pricing/priceSchemas';
import { type Draft, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';
import { PriceLine } from './PriceLine';

interface TokenFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
  /** Where the current token figures came from ("means of 240 measured runs" or typed). */
  origin: string;
}

const tokenField = (id: string, label: string, max: number) => ({ id, label, max });
const FIELDS = [
  {
    side: 'teacher',
    ...tokenField('teacher-in', 'Teacher input', 20_000),
    key: 'inputTokensPerRequest',
  },
  {
    side: 'teacher',
    ...tokenField('teacher-out', 'Teacher output', 8_000),
    key: 'outputTokensPerRequest',
  },
  {
    side: 'student',
    ...tokenField('student-in', 'Student input', 20_000),
    key: 'inputTokensPerRequest',
  },
  {
    side: 'student',
    ...tokenField('student-out', 'Student output', 8_000),
    key: 'outputTokensPerRequest',
  },
] as const;

/** Mean tokens per request of each model, with the price each is costed at. */
export function TokenFields({ draft, onChange, book, origin }: TokenFieldsProps) {
  return (
    <fieldset className="assumption-group" data-testid="group-tokens">
      <legend>Tokens per request</legend>
      <PriceLine role="Teacher" side={draft.teacher} book={book} />
      <PriceLine role="Student" side={draft.student} book={book} />
      <p className="assumption-hint">{origin}</p>
      <div className="assumption-pair">
        {FIELDS.map((f) => {
          const value = draft[f.side][f.key];
          return (
            <AssumptionField
              key={f.id}
              id={f.id}
              label={f.label}
              value={value}
              onChange={(v) => onChange(writeDraft(draft, `${f.side}.${f.key}`, v))}
              min={1}
              max={f.max}
              scale="log"
              unit="tokens"
              display={formatNumber(value, 1)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
