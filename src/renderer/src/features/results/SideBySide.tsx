import { useMemo, useState } from 'react';
import type { Paragraph } from '../../../../shared/domain/dataset';
import type { RunRecord } from '../../../../shared/domain/run';
import { wordDiff } from '../../../../shared/text/wordDiff';
import { modelName } from '../../../../shared/report/names';
import { OutputCell } from './OutputCell';

interface SideBySideProps {
  paragraphs: Paragraph[];
  runs: RunRecord[];
  teacherId: string;
  studentIds: string[];
  repeats: number;
  /** Paragraphs edited in the dataset since the run: shown as run, and marked. */
  editedIds: ReadonlySet<string>;
  /** What a cell without a stored result says, per model (missingOutputText). */
  missing: (modelId: string) => string;
}

const PAGE = 20;

/** Per paragraph, the teacher's and every student's output in columns; pages keep thousands of rows light. */
export function SideBySide({
  paragraphs,
  runs,
  teacherId,
  studentIds,
  repeats,
  editedIds,
  missing,
}: SideBySideProps) {
  const [page, setPage] = useState(0);
  const [repeat, setRepeat] = useState(0);
  const [onlyErrors, setOnlyErrors] = useState(false);
  // One student at a time beside the teacher: three columns fit 1280 px, six do not.
  const [chosen, setChosen] = useState(studentIds[0] ?? '');
  const student = studentIds.includes(chosen) ? chosen : (studentIds[0] ?? '');
  const byKey = useMemo(() => {
    const m = new Map<string, RunRecord>();
    for (const r of runs) m.set(`${r.paragraphId}|${r.modelId}|${r.repeatIndex}`, r);
    return m;
  }, [runs]);
  const erroredParagraphs = useMemo(
    () => new Set(runs.filter((r) => r.status === 'error').map((r) => r.paragraphId)),
    [runs],
  );
  const shown = onlyErrors ? paragraphs.filter((p) => erroredParagraphs.has(p.id)) : paragraphs;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const models = [teacherId, student];

  return (
    <section aria-label="Outputs side by side" data-testid="side-by-side">
      <div className="toolbar">
        <h3>Outputs side by side</h3>
        <span className="hint">
          Marked: in the student’s output, words it added; in the teacher’s, words the student
          dropped.
        </span>
        <span className="spacer" />
        {studentIds.length > 1 && (
          <label className="row">
            Student
            <select
              className="input input-small"
              data-testid="sbs-student"
              value={student}
              onChange={(e) => setChosen(e.target.value)}
            >
              {studentIds.map((id) => (
                <option key={id} value={id}>
                  {modelName(id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {repeats > 1 && (
          <label className="row">
            Repeat
            <select
              className="input input-small"
              value={repeat}
              onChange={(e) => setRepeat(Number(e.target.value))}
            >
              {Array.from({ length: repeats }, (_, i) => (
                <option key={i} value={i}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={onlyErrors}
            onChange={(e) => {
              setOnlyErrors(e.target.checked);
              setPage(0);
            }}
          />
          Only paragraphs with errors ({erroredParagraphs.size})
        </label>
      </div>
      <div className="sbs-grid">
        <div className="sbs-head">Paragraph</div>
        {models.map((m) => (
          <div key={m} className={m === teacherId ? 'sbs-head teacher' : 'sbs-head student'}>
            {m === teacherId ? 'Teacher · ' : 'Student · '}
            {modelName(m)}
          </div>
        ))}
        {shown.slice(current * PAGE, current * PAGE + PAGE).map((p) => {
          const teacherRun = byKey.get(`${p.id}|${teacherId}|${repeat}`);
          const teacherText = teacherRun?.status === 'ok' ? (teacherRun.outputText ?? '') : null;
          const studentRun = byKey.get(`${p.id}|${student}|${repeat}`);
          const studentText = studentRun?.status === 'ok' ? (studentRun.outputText ?? '') : null;
          return (
            <div key={p.id} className="sbs-row" data-testid="sbs-row">
              <div className="sbs-source">
                <span className="badge">#{p.position + 1}</span>
                {editedIds.has(p.id) && (
                  <span className="tag tag-edited" data-testid="edited-since-run">
                    edited since this run; the text it ran with is shown
                  </span>
                )}
                <p className="source-text">{p.text}</p>
              </div>
              {models.map((m) => {
                const r = byKey.get(`${p.id}|${m}|${repeat}`);
                const text = r?.status === 'ok' ? (r.outputText ?? '') : null;
                const diff =
                  teacherText !== null && studentText !== null
                    ? wordDiff(teacherText, studentText)
                    : null;
                // The teacher's cell marks what the student dropped; the student's, what it added.
                const segments = m === teacherId ? (diff?.base ?? null) : (diff?.other ?? null);
                return (
                  <OutputCell
                    key={m}
                    run={r}
                    segments={text === null ? null : segments}
                    marks={m === teacherId ? 'dropped' : 'added'}
                    missing={missing(m)}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="btn btn-small"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </button>
          <span>
            Page {current + 1} of {pages} · {shown.length} paragraphs
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
