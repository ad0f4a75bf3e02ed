import type { DiffSegment } from '../../../../shared/text/wordDiff';

/** Model output as plain text (React escapes it; never HTML), with words the teacher lacks marked. */
export function DiffText({ segments }: { segments: DiffSegment[] }) {
  return (
    <p className="output-text">
      {segments.map((s, i) =>
        s.kind === 'changed' ? (
          <mark key={i} className="diff">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
