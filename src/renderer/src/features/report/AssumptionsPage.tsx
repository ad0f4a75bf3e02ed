import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { PriceTable } from './ReportParts';

/** Every price with its source and date (overrides marked), and each scenario's inputs. */
export function AssumptionsPage({ vm }: { vm: ReportViewModel }) {
  const a = vm.assumptions;
  return (
    <section className="rpt-page" data-testid="report-assumptions">
      <h2 className="rpt-h1">Assumptions</h2>
      <PriceTable
        rows={a.experimentPrices}
        caption="Prices the experiment ran under (US dollars per 1,000 tokens)"
      />
      {vm.scenarios.map((s) => (
        <div key={`${s.id ?? 'measured'}-${s.name}`} className="rpt-keep">
          <h3 className="rpt-h3">Scenario: {s.name}</h3>
          <dl className="rpt-inputs">
            {s.inputs.map((i) => (
              <div key={i.label}>
                <dt>{i.label}</dt>
                <dd>{i.text}</dd>
              </div>
            ))}
          </dl>
          <PriceTable rows={s.prices} caption="Prices in this scenario" />
        </div>
      ))}
      <ul className="rpt-notes">
        {a.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
