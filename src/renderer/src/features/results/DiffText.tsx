import type { DiffSegment } from '../../../../shared/text/wordDiff';

/**
 * Model output as plain text (React escapes it; never HTML). On a student's output the marked
 * words are those it added (the teacher's output lacks them); on the teacher's, those the
 * student dropped.
 */
export function DiffText({
  segments,
  marks = 'added',
}: {
  segments: DiffSegment[];
  marks?: 'added' | 'dropped';
}) {
  return (
    <p className="output-text">
      {segments.map((s, i) =>
        s.kind === 'changed' ? (
          <mark
            key={i}
            className={marks === 'added' ? 'diff' : 'diff diff-dropped'}
            title={marks === 'added' ? 'added by the student' : 'dropped by the student'}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
