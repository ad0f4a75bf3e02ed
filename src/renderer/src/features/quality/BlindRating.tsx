import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isFullyRated, type Label } from '../../../../shared/quality/ratings';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { formatSavedAt } from '../../../../shared/formatTime';
import { ErrorBanner } from '../../components/Banner';
import { modelName } from '../../../../shared/report/names';
import { RatingCard } from './RatingCard';
import { useBlindRating } from './useBlindRating';

interface BlindRatingProps {
  report: QualityReport;
  lastRater: string;
}

const PREFER_KEYS: Record<string, 'A' | 'B' | 'tie'> = { '[': 'A', ']': 'B', '=': 'tie' };

/**
 * Blind rating, keyboard first: digits 1–5 rate the focused output, Tab (or A / B) switches
 * output, [ ] = give the preference, arrows move between paragraphs. Which model wrote which
 * output is shown only once the whole set is rated, or when the rater asks (and confirms), so
 * that what one paragraph reveals cannot steer the ratings of the next.
 */
export function BlindRating({ report, lastRater }: BlindRatingProps) {
  const [nameDraft, setNameDraft] = useState(lastRater);
  const [rater, setRater] = useState(lastRater);
  const [studentId, setStudentId] = useState(report.studentModelIds[0] ?? '');
  const [index, setIndex] = useState(0);
  const [focused, setFocused] = useState<Label>('A');
  const box = useRef<HTMLDivElement>(null);
  const { session, error, setError, rate, prefer, reveal } = useBlindRating(
    report.experimentId,
    studentId,
    rater,
  );
  const items = session?.items ?? [];
  const current = Math.min(index, Math.max(0, items.length - 1));
  const item = items[current];
  const rated = items.filter(isFullyRated).length;

  useEffect(() => {
    if (rater && session) box.current?.focus();
  }, [rater, session]);

  const move = (delta: number) => {
    setIndex(Math.max(0, Math.min(items.length - 1, current + delta)));
    setFocused('A');
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key;
    let handled = true;
    if (/^[1-5]$/.test(k)) {
      if (rater) void rate(item.paragraphId, focused, Number(k));
    } else if (k === 'Tab') setFocused((f) => (f === 'A' ? 'B' : 'A'));
    else if (k === 'a' || k === 'A') setFocused('A');
    else if (k === 'b' || k === 'B') setFocused('B');
    else if (PREFER_KEYS[k]) {
      if (rater) void prefer(item.paragraphId, PREFER_KEYS[k]);
    } else if (k === 'ArrowRight' || k === 'ArrowDown') move(1);
    else if (k === 'ArrowLeft' || k === 'ArrowUp') move(-1);
    else if (k === 'Escape') box.current?.blur();
    else handled = false;
    if (handled) e.preventDefault();
  };

  return (
    <section className="blind-rating" aria-label="Blind rating" data-testid="blind-rating-screen">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setRater(nameDraft.trim());
        }}
      >
        <label className="row">
          Your name
          <input
            className="input"
            data-testid="rater-name"
            value={nameDraft}
            maxLength={80}
            onChange={(e) => setNameDraft(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn btn-small"
          data-testid="rater-start"
          disabled={!nameDraft.trim()}
        >
          {rater ? 'Switch rater' : 'Start rating'}
        </button>
        {report.studentModelIds.length > 1 && (
          <label className="row">
            Compare the teacher with
            <select
              className="input"
              value={studentId}
              onChange={(e) => {
                setStudentId(e.target.value);
                setIndex(0);
              }}
            >
              {report.studentModelIds.map((id) => (
                <option key={id} value={id}>
                  {modelName(id)}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="hint" data-testid="rating-count">
          {rater ? `${rater}: ` : ''}
          {rated} of {items.length} paragraphs rated
          {session && session.skipped > 0
            ? ` · ${session.skipped} skipped (an output is missing)`
            : ''}
        </span>
        {rater && session && session.reveal === null && items.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="reveal-models"
            onClick={() => {
              const left = items.length - rated;
              if (
                window.confirm(
                  `Show which model wrote each output? ${left} of ${items.length} paragraphs are not fully rated; ratings made after this are recorded as not blind.`,
                )
              )
                void reveal();
            }}
          >
            Reveal the models
          </button>
        )}
      </form>
      {session?.reveal && (
        <p className="hint" data-testid="reveal-note">
          {session.reveal.reason === 'finished'
            ? `Set finished: all ${session.reveal.totalItems} paragraphs rated blind, models revealed`
            : `Models revealed on request after ${session.reveal.ratedItems} of ${session.reveal.totalItems} paragraphs; later ratings are recorded as not blind`}{' '}
          · {formatSavedAt(session.reveal.revealedAt)}.
        </p>
      )}
      <p className="key-legend" id="rating-keys">
        Keys: <kbd>1</kbd>–<kbd>5</kbd> rate the highlighted output · <kbd>Tab</kbd> or <kbd>A</kbd>
        /<kbd>B</kbd> switch output · <kbd>[</kbd> A is better, <kbd>]</kbd> B is better,{' '}
        <kbd>=</kbd> about the same · <kbd>←</kbd> <kbd>→</kbd> previous / next paragraph ·{' '}
        <kbd>Esc</kbd> leave
      </p>
      {!rater && (
        <p className="banner banner-warn">
          Enter your name: each rating is stored with who made it and when.
        </p>
      )}
      {item ? (
        <div
          ref={box}
          className="rating-box"
          tabIndex={0}
          role="group"
          aria-label={`Paragraph ${current + 1} of ${items.length}`}
          aria-describedby="rating-keys"
          data-testid="blind-rating"
          data-index={current}
          onKeyDown={onKey}
        >
          <div className="pager">
            <button
              type="button"
              className="btn btn-small"
              tabIndex={-1}
              disabled={current === 0}
              onClick={() => move(-1)}
            >
              ← Previous
            </button>
            <span data-testid="rating-position">
              Paragraph {current + 1} of {items.length}
            </span>
            <button
              type="button"
              className="btn btn-small"
              tabIndex={-1}
              disabled={current >= items.length - 1}
              onClick={() => move(1)}
            >
              Next →
            </button>
          </div>
          <RatingCard
            item={item}
            focused={focused}
            teacherId={report.teacherModelId}
            studentId={studentId}
            onFocus={setFocused}
            onRate={(label, n) => {
              if (rater) void rate(item.paragraphId, label, n);
            }}
            onPrefer={(p) => {
              if (rater) void prefer(item.paragraphId, p);
            }}
          />
        </div>
      ) : (
        session && (
          <p className="empty-note">No paragraph has both a teacher and a student output yet.</p>
        )
      )}
    </section>
  );
}
