import { formatNumber, formatPercent } from '../format';
import { measureIntervalCoverage } from '../metrics/intervalCoverage';
import type { ReportTable } from './reportSchema';

/**
 * The closing note's table: how often the report's paired 95 % interval really held the true
 * difference in a seeded simulation (the same one the tests hold to within 2 points of 95 %
 * from 10 paragraphs on). Computed, not copied, so it cannot drift from the method in use.
 */
export function coverageTable(): ReportTable {
  const t = measureIntervalCoverage();
  const populations = [...new Set(t.rows.map((r) => r.population))];
  const sizes = [...new Set(t.rows.map((r) => r.n))];
  return {
    caption: `Measured coverage of the nominal ${formatPercent(t.confidence, 0)} interval (${t.method}), by simulation`,
    columns: ['Paragraphs (n)', 'Trials', ...populations.map((p) => `${p} (% covered)`)],
    // One row per n, one column per kind of data: short enough never to run onto a page alone.
    rows: sizes.map((n) => [
      String(n),
      formatNumber(t.rows.find((r) => r.n === n)?.trials ?? 0),
      ...populations.map((p) => {
        const row = t.rows.find((r) => r.n === n && r.population === p);
        return row ? formatPercent(row.coverage) : '—';
      }),
    ]),
  };
}
