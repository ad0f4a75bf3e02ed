import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { FigureTiles, TableView } from './ReportParts';

/** Page 2: the recommendation and the figures behind it, in words a manager reads in a minute. */
export function SummaryPage({ vm }: { vm: ReportViewModel }) {
  const s = vm.summary;
  return (
    <section className="rpt-page" data-testid="report-summary">
      <h2 className="rpt-h1">Executive summary</h2>
      <p className="rpt-lead">{s.recommendation}</p>
      <FigureTiles figures={s.figures} testId="summary-figures" />
      {s.evidence && <TableView table={s.evidence} testId="verdict-evidence" />}
      <div className="rpt-prose">
        {s.sentences.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {s.rankingNote && <p className="rpt-ranking-note">{s.rankingNote}</p>}
      {s.ranking && <TableView table={s.ranking} testId="student-ranking" />}
      {s.scenarioComparison && (
        <TableView table={s.scenarioComparison} testId="scenario-comparison" />
      )}
    </section>
  );
}
