import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { TableView } from './ReportParts';

/** How the figures were measured and what they cannot tell. */
export function MethodPage({ vm }: { vm: ReportViewModel }) {
  const m = vm.method;
  return (
    <section className="rpt-page" data-testid="report-method">
      <h2 className="rpt-h1">Method and limits</h2>
      {m.sections.map((s) => (
        <div key={s.title} className="rpt-prose">
          <h3 className="rpt-h3">{s.title}</h3>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ))}
      <h3 className="rpt-h3">Limits</h3>
      <ul className="rpt-notes">
        {m.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {/* Kept together: the note's heading and its small table never part across pages. */}
      <div className="rpt-keep">
        <h3 className="rpt-h3">Closing note: do the intervals hold?</h3>
        <TableView table={m.coverage} testId="interval-coverage" />
      </div>
    </section>
  );
}
