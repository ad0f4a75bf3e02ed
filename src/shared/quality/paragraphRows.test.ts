import { describe, expect, it } from 'vitest';
import { paragraphRows, sortRows } from './paragraphRows';
import type { MetricReport } from './reportSchema';

const report = {
  teacherModelId: 'T',
  paragraphs: [0, 1, 2, 3].map((i) => ({
    id: `p${i}`,
    position: i,
    excerpt: `P${i}`,
    hasReference: true,
  })),
};
const metric = {
  key: 'rougeL@reference',
  bar: 0.3,
  perModel: [],
  perStudent: [],
  values: { T: [0.5, 0.4, null, 0.6], S: [0.2, 0.45, 0.3, null] },
} as MetricReport;

describe('paragraphRows', () => {
  it('pairs values, differences and bar failures per paragraph', () => {
    const rows = paragraphRows(report, metric, 'S');
    expect(rows[0]).toMatchObject({
      teacher: 0.5,
      student: 0.2,
      difference: expect.closeTo(-0.3, 12),
      teacherFails: false,
      studentFails: true,
    });
    expect(rows[2]).toMatchObject({ teacher: null, difference: null, studentFails: false });
  });

  it('sorts with missing values last either way', () => {
    const rows = paragraphRows(report, metric, 'S');
    expect(sortRows(rows, 'difference', 'asc').map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(sortRows(rows, 'difference', 'desc').map((r) => r.index)).toEqual([1, 0, 2, 3]);
    expect(sortRows(rows, 'student', 'asc').map((r) => r.index)).toEqual([0, 2, 1, 3]);
    expect(sortRows(rows, 'position', 'desc').map((r) => r.index)).toEqual([3, 2, 1, 0]);
  });
});
