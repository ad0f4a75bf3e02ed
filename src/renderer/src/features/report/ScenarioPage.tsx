import type { ScenarioSection } from '../../../../shared/report/reportSchema';
import { CashFlowPrintChart } from './charts/CashFlowPrintChart';
import { CostVolumePrintChart } from './charts/CostVolumePrintChart';
import { FigureList } from './ReportParts';

/** One page per scenario: its figures and its cost and cash-flow charts. */
export function ScenarioPage({ s }: { s: ScenarioSection }) {
  return (
    <section className="rpt-page" data-testid="report-scenario">
      <h2 className="rpt-h1">Scenario: {s.name}</h2>
      <p className="rpt-sub">
        {s.teacher.name} → {s.student.name}
        {s.origin === 'measured'
          ? ' · measured tokens, prices and quality at a default volume'
          : ''}
      </p>
      <FigureList figures={s.figures} />
      {s.warnings.length > 0 && (
        <ul className="rpt-warnings">
          {s.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {s.pessimistic && <p className="rpt-note">{s.pessimistic}</p>}
      <CostVolumePrintChart
        data={s.costVsVolume}
        teacher={s.teacher.name}
        student={s.student.name}
      />
      <CashFlowPrintChart data={s.cashFlow} />
    </section>
  );
}
