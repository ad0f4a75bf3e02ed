import { formatMeanCi } from '../../../../shared/quality/formatQuality';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { groupedMetrics } from '../../../../shared/quality/reportViews';
import { modelName } from '../../../../shared/report/names';

interface ModelMetricTableProps {
  report: QualityReport;
}

/** Per model and metric: the mean over paragraphs with its 95 % bootstrap interval. */
export function ModelMetricTable({ report }: ModelMetricTableProps) {
  const models = [report.teacherModelId, ...report.studentModelIds];
  const groups = groupedMetrics(report);
  return (
    <div className="table-scroll" role="region" aria-label="Scores per model" tabIndex={0}>
      <table className="table quality-table" data-testid="metric-table">
        <caption>
          Mean score per model, each metric on its own scale, with 95 % interval [low, high] over
          paragraphs
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric (scale)</th>
            {models.map((id) => (
              <th key={id} scope="col" className="num">
                <span
                  className={
                    id === report.teacherModelId ? 'role role-teacher' : 'role role-student'
                  }
                >
                  {id === report.teacherModelId ? 'Teacher' : 'Student'}
                </span>{' '}
                {modelName(id)} (score)
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.group}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={models.length + 1}>
                {g.group}
              </th>
            </tr>
            {g.metrics.map(({ info, report: m }) => (
              <tr key={m.key} data-testid={`metric-row-${m.key}`}>
                <th scope="row">
                  {info.label}{' '}
                  <span className="metric-group">
                    ({info.min}–{info.max})
                  </span>
                </th>
                {models.map((id) => {
                  const cell = m.perModel.find((p) => p.modelId === id);
                  return (
                    <td key={id} className="num" data-testid={`mean-${m.key}-${id}`}>
                      {cell ? (
                        <span className={cell.mean.kind === 'insufficient' ? 'no-interval' : ''}>
                          {formatMeanCi(cell.mean, info.decimals)}
                        </span>
                      ) : (
                        <span
                          className="hint"
                          title="ROUGE against the teacher: the teacher is the target"
                        >
                          target
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
