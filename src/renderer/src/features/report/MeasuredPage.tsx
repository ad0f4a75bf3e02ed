import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { LatencyPrintChart } from './charts/LatencyPrintChart';
import { QualityCostPrintChart } from './charts/QualityCostPrintChart';
import { TableView } from './ReportParts';

/** What the experiment measured: per-model figures, quality, and their two charts. */
export function MeasuredPage({ vm }: { vm: ReportViewModel }) {
  const m = vm.measured;
  return (
    <section className="rpt-page" data-testid="report-measured">
      <h2 className="rpt-h1">What was measured</h2>
      <TableView table={m.models} testId="measured-models" />
      {m.quality && <TableView table={m.quality} testId="measured-quality" />}
      <p className="rpt-note">{m.qualityNote}</p>
      {m.qualityVsCost && <QualityCostPrintChart data={m.qualityVsCost} />}
      <LatencyPrintChart data={m.latency} />
    </section>
  );
}
