import type { Figure, PriceRow, ReportTable } from '../../../../shared/report/reportSchema';

/** Small building blocks of the report pages: figure tiles, tables, price lists. */

export function FigureTiles({ figures, testId }: { figures: Figure[]; testId: string }) {
  return (
    <div className="rpt-tiles" data-testid={testId}>
      {figures.map((f) => (
        <div key={f.key} className="rpt-tile" data-figure={f.key}>
          <div className="rpt-tile-label">{f.label}</div>
          <div className={f.text.length > 20 ? 'rpt-tile-value rpt-tile-long' : 'rpt-tile-value'}>
            {f.text}
          </div>
          {f.note && <div className="rpt-tile-note">{f.note}</div>}
        </div>
      ))}
    </div>
  );
}

/** Label–value pairs in two columns: the dense form for a scenario's figures. */
export function FigureList({ figures }: { figures: Figure[] }) {
  return (
    <dl className="rpt-figlist">
      {figures.map((f) => (
        <div key={f.key} className="rpt-figlist-row" data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TableView({ table, testId }: { table: ReportTable; testId?: string }) {
  return (
    <table className="rpt-table" data-testid={testId}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={c} scope="col" className={i === 0 ? undefined : 'num'}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className={cell.length <= 24 ? 'rpt-nowrap' : undefined}>
                  {cell}
                </th>
              ) : (
                // Short figures never wrap (a wrapped "$1,234" misreads); long texts may.
                <td key={i} className={cell.length <= 16 ? 'num rpt-nowrap' : 'num'}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Prices with their source on a line of its own under each price, so a long source never
 * squeezes the figures (and reads, and copies, as one piece of text).
 */
export function PriceTable({ rows, caption }: { rows: PriceRow[]; caption: string }) {
  return (
    <table className="rpt-table rpt-prices">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Price of</th>
          <th scope="col" className="num">
            Input (USD / 1K tokens)
          </th>
          <th scope="col" className="num">
            Output (USD / 1K tokens)
          </th>
          <th scope="col" className="num">
            As of
          </th>
        </tr>
      </thead>
      {rows.map((p, i) => (
        <tbody key={i} className="rpt-price">
          <tr>
            <th scope="row">{p.modelName}</th>
            <td>
              {p.role}
              {p.overridden && <span className="rpt-override"> · overridden</span>}
            </td>
            <td className="num rpt-nowrap">{p.inputText}</td>
            <td className="num rpt-nowrap">{p.outputText}</td>
            <td className="num rpt-nowrap">{p.asOf}</td>
          </tr>
          <tr className="rpt-source-row">
            <td colSpan={5}>
              <span className="rpt-source-label">Source: </span>
              {p.source}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
