import type { ReportViewModel } from '../../../../shared/report/reportSchema';
import { LatencyChart } from './charts/LatencyChart';
import { QualityCostChart } from './charts/QualityCostChart';
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
      {m.qualityVsCost && <QualityCostChart data={m.qualityVsCost} />}
      <LatencyChart data={m.latency} />
    </section>
  );
}
