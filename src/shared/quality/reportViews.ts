import { METRICS, metricInfo, type MetricInfo, type MetricKey } from './metricKeys';
import type { MetricReport, QualityReport } from './reportSchema';

/** Which parts of a report have anything to show, so empty metrics do not fill the tables. */

export const hasData = (m: MetricReport): boolean =>
  Object.values(m.values).some((column) => column.some((v) => v !== null));

export function metricsWithData(report: Pick<QualityReport, 'metrics'>): MetricReport[] {
  return report.metrics.filter(hasData);
}

/** The metric a chart or table opens on: ROUGE-L against the reference, else the first with data. */
export function defaultMetric(report: Pick<QualityReport, 'metrics'>): MetricKey {
  const withData = metricsWithData(report).map((m) => m.key);
  const preferred: MetricKey[] = [
    'rougeL@reference',
    'judge.overall',
    'human.rating',
    'rougeL@teacher',
  ];
  return preferred.find((k) => withData.includes(k)) ?? withData[0] ?? 'rougeL@reference';
}

/** Groups (ROUGE vs reference, …) in catalog order, each with its metrics that have data. */
export function groupedMetrics(
  report: Pick<QualityReport, 'metrics'>,
): { group: string; metrics: { info: MetricInfo; report: MetricReport }[] }[] {
  const out: { group: string; metrics: { info: MetricInfo; report: MetricReport }[] }[] = [];
  for (const m of metricsWithData(report)) {
    const info = metricInfo(m.key);
    const last = out.at(-1);
    if (last && last.group === info.group) last.metrics.push({ info, report: m });
    else out.push({ group: info.group, metrics: [{ info, report: m }] });
  }
  return out;
}

/** Groups with no data at all, to say what is missing and where to get it. */
export function emptyGroups(report: Pick<QualityReport, 'metrics'>): string[] {
  const present = new Set(metricsWithData(report).map((m) => metricInfo(m.key).group));
  return [...new Set(METRICS.map((m) => m.group))].filter((g) => !present.has(g));
}
