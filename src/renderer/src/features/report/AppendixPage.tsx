import { formatNumber } from '../../../../shared/format';
import type { Appendix } from '../../../../shared/report/reportSchema';

/** Paragraphs and outputs side by side, cut where long, with what was left out counted. */
export function AppendixPage({ a }: { a: Appendix }) {
  return (
    <section className="rpt-page rpt-appendix" data-testid="report-appendix">
      <h2 className="rpt-h1">Appendix: paragraphs and outputs</h2>
      <p className="rpt-note">{a.note}</p>
      <table className="rpt-table rpt-side">
        <thead>
          <tr>
            <th scope="col" className="rpt-pos">
              #
            </th>
            {a.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {a.rows.map((r) => (
            <tr key={r.position}>
              <th scope="row" className="rpt-pos">
                {r.position}
              </th>
              {r.cells.map((c, i) => (
                <td key={i}>
                  {c.text}
                  {c.omittedChars > 0 && (
                    <span className="rpt-cut"> (+{formatNumber(c.omittedChars)} characters)</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
