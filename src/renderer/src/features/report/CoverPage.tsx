import type { ReportViewModel } from '../../../../shared/report/reportSchema';

/** Page 1: the question, the answer, when and where, and the data it rests on. */
export function CoverPage({ vm }: { vm: ReportViewModel }) {
  const { cover, meta } = vm;
  return (
    <section className="rpt-page rpt-cover" data-testid="report-cover">
      <div className="rpt-kicker">Distill ROI · decision report · {meta.generatedOn}</div>
      <h1 className="rpt-question">{cover.question}</h1>
      <div className={`rpt-answer rpt-answer-${cover.verdict}`} data-testid="report-answer">
        <div className="rpt-answer-head">{cover.answer}</div>
        <ul className="rpt-reasons" data-testid="report-reasons">
          {cover.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {cover.settle.length > 0 && (
          <p data-testid="report-settle">
            <strong>What would settle it:</strong> {cover.settle.join('; ')}.
          </p>
        )}
        {cover.answerDetail && <p>{cover.answerDetail}</p>}
      </div>
      <h2 className="rpt-h2">What this rests on</h2>
      <dl className="rpt-basis">
        <div>
          <dt>Date</dt>
          <dd>{meta.generatedOn}</dd>
        </div>
        {cover.basis.map((b) => (
          <div key={b.label}>
            <dt>{b.label}</dt>
            <dd>{b.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
