import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { AppendixPage } from './AppendixPage';
import { AssumptionsPage } from './AssumptionsPage';
import { CoverPage } from './CoverPage';
import { MeasuredPage } from './MeasuredPage';
import { MethodPage } from './MethodPage';
import { ScenarioPage } from './ScenarioPage';
import { SummaryPage } from './SummaryPage';

/**
 * The whole report from its view-model: the same component is the on-screen preview and the
 * page Chromium prints, so what the analyst checks is what the stakeholder gets.
 */
export function ReportDocument({ vm }: { vm: ReportViewModel }) {
  return (
    <article
      className={`rpt rpt-paper-${vm.meta.paperSize.toLowerCase()}`}
      data-testid="report-document"
    >
      <CoverPage vm={vm} />
      <SummaryPage vm={vm} />
      {vm.scenarios.map((s, i) => (
        <ScenarioPage key={`${s.id ?? 'measured'}-${i}`} s={s} />
      ))}
      <MeasuredPage vm={vm} />
      <AssumptionsPage vm={vm} />
      <MethodPage vm={vm} />
      {vm.appendix && <AppendixPage a={vm.appendix} />}
    </article>
  );
}
