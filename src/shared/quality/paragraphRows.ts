import type { MetricReport, QualityReport } from './reportSchema';

/**
 * Rows of the per-paragraph table for one metric and one student: both values, the difference,
 * and whether each is under the bar, sortable so the analyst can go straight to where the
 * student falls short.
 */

export interface ParagraphRow {
  index: number;
  position: number;
  excerpt: string;
  teacher: number | null;
  student: number | null;
  /** Student minus teacher; null unless both are present. */
  difference: number | null;
  teacherFails: boolean;
  studentFails: boolean;
}

export type SortColumn = 'position' | 'teacher' | 'student' | 'difference';
export type SortDirection = 'asc' | 'desc';

export function paragraphRows(
  report: Pick<QualityReport, 'paragraphs' | 'teacherModelId'>,
  metric: MetricReport,
  studentId: string,
): ParagraphRow[] {
  const t = metric.values[report.teacherModelId];
  const s = metric.values[studentId];
  return report.paragraphs.map((p, index) => {
    const teacher = t?.[index] ?? null;
    const student = s?.[index] ?? null;
    return {
      index,
      position: p.position,
      excerpt: p.excerpt,
      teacher,
      student,
      difference: teacher !== null && student !== null ? student - teacher : null,
      teacherFails: teacher !== null && teacher < metric.bar,
      studentFails: student !== null && student < metric.bar,
    };
  });
}

/** Sorted copy; rows without a value go last in either direction, ties keep paragraph order. */
export function sortRows(
  rows: readonly ParagraphRow[],
  column: SortColumn,
  direction: SortDirection,
): ParagraphRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null && y === null) return a.index - b.index;
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? a.index - b.index : (x - y) * sign;
  });
}
