import { Fragment, useState } from 'react';
import { formatScore, formatSigned } from '../../../../shared/quality/formatQuality';
import { fullLabel, metricInfo, type MetricKey } from '../../../../shared/quality/metricKeys';
import {
  paragraphRows,
  sortRows,
  type SortColumn,
  type SortDirection,
} from '../../../../shared/quality/paragraphRows';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { formatNumber } from '../../../../shared/format';
import { modelName } from '../../../../shared/report/names';
import { ParagraphOutputs } from './ParagraphOutputs';

interface ParagraphScoresTableProps {
  report: QualityReport;
  metric: MetricKey;
  studentId: string;
}

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'position', label: '#' },
  { id: 'teacher', label: 'Teacher (score)' },
  { id: 'student', label: 'Student (score)' },
  { id: 'difference', label: 'Student − teacher (score)' },
];

/**
 * Rows drawn at first and added per "Show more": sorting is over every paragraph, but tens of
 * thousands of table rows in the page (a 50,000-paragraph batch run) freeze it for seconds.
 */
const ROWS_PER_PAGE = 200;

/**
 * Per-paragraph scores for one metric; sorted by difference first, so the student's worst show
 * on top. A row's paragraph opens, under it, that paragraph's teacher and student outputs.
 */
export function ParagraphScoresTable({ report, metric, studentId }: ParagraphScoresTableProps) {
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
    column: 'difference',
    direction: 'asc',
  });
  const m = report.metrics.find((x) => x.key === metric);
  if (!m) return null;
  const info = metricInfo(metric);
  // Against the teacher there is no teacher value, hence no difference: sort by the student's.
  const column = !info.teacherScored && sort.column === 'difference' ? 'student' : sort.column;
  const rows = sortRows(paragraphRows(report, m, studentId), column, sort.direction);
  const toggle = (column: SortColumn) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === 'asc' ? 'desc' : 'asc',
    }));
  return (
    <>
      <div className="table-scroll" role="region" aria-label="Scores per paragraph" tabIndex={0}>
        <table className="table quality-table" data-testid="paragraph-scores">
          <caption>
            {fullLabel(info)} per paragraph, {modelName(studentId)} against{' '}
            {modelName(report.teacherModelId)}; highlighted: under the bar of{' '}
            {formatScore(m.bar, info.decimals)}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={c.id === 'position' ? undefined : 'num'}
                  aria-sort={
                    column === c.id
                      ? sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-testid={`sort-${c.id}`}
                    onClick={() => toggle(c.id)}
                  >
                    {c.label}
                    <span aria-hidden="true">
                      {column === c.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Paragraph</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => {
              const id = report.paragraphs[r.index]?.id ?? null;
              const isOpen = id !== null && open === id;
              return (
                <Fragment key={r.index}>
                  <tr data-testid="paragraph-score-row">
                    <td>{r.position + 1}</td>
                    <td className={r.teacherFails ? 'num under-bar' : 'num'}>
                      {info.teacherScored ? formatScore(r.teacher, info.decimals) : 'target'}
                    </td>
                    <td className={r.studentFails ? 'num under-bar' : 'num'}>
                      {formatScore(r.student, info.decimals)}
                    </td>
                    <td className={r.difference !== null && r.difference < 0 ? 'num worse' : 'num'}>
                      {r.difference === null ? '—' : formatSigned(r.difference, info.decimals)}
                    </td>
                    <td className="clip" title={r.excerpt}>
                      <button
                        type="button"
                        className="btn-link row-open"
                        data-testid="paragraph-open"
                        aria-expanded={isOpen}
                        disabled={id === null}
                        onClick={() => setOpen(isOpen ? null : id)}
                      >
                        <span aria-hidden="true">{isOpen ? '▾ ' : '▸ '}</span>
                        {r.excerpt}
                      </button>
                    </td>
                  </tr>
                  {isOpen && (
                    <tr className="paragraph-outputs-row">
                      <td colSpan={5}>
                        <ParagraphOutputs
                          experimentId={report.experimentId}
                          paragraphId={id}
                          teacherId={report.teacherModelId}
                          studentId={studentId}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > ROWS_PER_PAGE && (
        <p className="row" data-testid="paragraph-rows-shown">
          Showing {formatNumber(Math.min(shown, rows.length))} of {formatNumber(rows.length)}{' '}
          paragraphs, in the order chosen above.
          {shown < rows.length && (
            <button
              type="button"
              className="btn"
              data-testid="paragraph-rows-more"
              onClick={() => setShown((n) => n + ROWS_PER_PAGE)}
            >
              Show {formatNumber(Math.min(ROWS_PER_PAGE, rows.length - shown))} more
            </button>
          )}
        </p>
      )}
    </>
  );
}
