import { formatSavedAt } from '../../../../shared/formatTime';
import type { Label, RatingItem } from '../../../../shared/quality/ratings';
import { modelName } from '../../../../shared/report/names';

interface RatingCardProps {
  item: RatingItem;
  focused: Label;
  teacherId: string;
  studentId: string;
  onFocus: (label: Label) => void;
  onRate: (label: Label, rating: number) => void;
  onPrefer: (p: 'A' | 'B' | 'tie') => void;
}

const SCALE = [1, 2, 3, 4, 5];

/** One paragraph's two outputs under neutral labels, rated 1–5 each, then a preference. */
export function RatingCard({
  item,
  focused,
  teacherId,
  studentId,
  onFocus,
  onRate,
  onPrefer,
}: RatingCardProps) {
  const output = (label: Label) => {
    const role = item.revealed?.[label];
    const rating = label === 'A' ? item.ratingA : item.ratingB;
    return (
      <article
        key={label}
        className={focused === label ? 'blind-output focused' : 'blind-output'}
        data-testid={`blind-output-${label}`}
        data-focused={focused === label}
        onClick={() => onFocus(label)}
      >
        <header className="blind-output-head">
          <span className="blind-label">{label}</span>
          {role ? (
            <span className={`role role-${role}`} data-testid={`revealed-${label}`}>
              {role === 'teacher' ? 'Teacher' : 'Student'} ·{' '}
              {modelName(role === 'teacher' ? teacherId : studentId)}
            </span>
          ) : (
            <span className="hint">hidden until the set is rated</span>
          )}
        </header>
        <p className="output-text">{item[label]}</p>
        <div className="rating-row" role="radiogroup" aria-label={`Rating of output ${label}`}>
          {SCALE.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={rating === n}
              tabIndex={-1}
              className={rating === n ? 'rating-dot chosen' : 'rating-dot'}
              data-testid={`rate-${label}-${n}`}
              onClick={(e) => {
                e.stopPropagation();
                onFocus(label);
                onRate(label, n);
              }}
            >
              {n}
            </button>
          ))}
          <span className="rating-value" data-testid={`rating-${label}`}>
            {rating === null ? 'not rated' : `rated ${rating}`}
          </span>
        </div>
      </article>
    );
  };
  return (
    <div className="rating-card" data-testid="rating-card" data-paragraph={item.position + 1}>
      <section className="blind-source">
        <h3>Paragraph {item.position + 1}</h3>
        <p className="source-text">{item.text}</p>
        {item.reference && (
          <details>
            <summary>Reference summary</summary>
            <p className="source-text">{item.reference}</p>
          </details>
        )}
      </section>
      <div className="blind-pair">{(['A', 'B'] as const).map(output)}</div>
      <div className="preference-row" role="radiogroup" aria-label="Which output is better">
        <span className="label">Better overall:</span>
        {(['A', 'tie', 'B'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            tabIndex={-1}
            aria-checked={item.preferred === value}
            className={item.preferred === value ? 'btn btn-small chosen' : 'btn btn-small'}
            data-testid={`prefer-${value}`}
            onClick={() => onPrefer(value)}
          >
            {value === 'A' ? 'A is better' : value === 'B' ? 'B is better' : 'About the same'}
          </button>
        ))}
        {item.revealed && (
          <span className="hint" data-testid="unmasked">
            Unmasked with the whole set
            {item.ratedAt ? ` · saved ${formatSavedAt(item.ratedAt)}` : ''}.
          </span>
        )}
      </div>
    </div>
  );
}
