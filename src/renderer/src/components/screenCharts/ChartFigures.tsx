import type { ReactNode } from 'react';

interface ChartFiguresProps {
  caption: string;
  head: string[];
  rows: (string | number)[][];
  testId: string;
  children?: ReactNode;
}

/** The text alternative of a chart: its numbers as a table, folded away under the chart. */
export function ChartFigures({ caption, head, rows, testId }: ChartFiguresProps) {
  return (
    <details className="chart-figures" data-testid={testId}>
      <summary>Figures behind this chart</summary>
      <table className="table compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={typeof c === 'number' ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
