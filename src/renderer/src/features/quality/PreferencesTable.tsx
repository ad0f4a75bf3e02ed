import { formatWinRateCi } from '../../../../shared/quality/formatQuality';
import type { QualityReport } from '../../../../shared/quality/reportSchema';
import { modelName } from '../../../../shared/report/names';

interface PreferencesTableProps {
  report: QualityReport;
}

const SOURCE_LABEL = {
  judge: 'LLM judge, both orders (a flip counts as a tie)',
  human: 'Your blind preferences',
} as const;

/** Head-to-head verdicts: how often each student was preferred or tied with the teacher. */
export function PreferencesTable({ report }: PreferencesTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label="Preferences" tabIndex={0}>
      <table className="table quality-table" data-testid="preferences-table">
        <caption>Student preferred or tied, with 95 % Wilson interval (a tie counts half)</caption>
        <thead>
          <tr>
            <th scope="col">Verdicts from</th>
            {report.studentModelIds.map((id) => (
              <th key={id} scope="col" className="num">
                {modelName(id)} (% preferred)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.preferences.map((p) => (
            <tr key={p.source} data-testid={`preference-${p.source}`}>
              <th scope="row">{SOURCE_LABEL[p.source]}</th>
              {report.studentModelIds.map((id) => {
                const s = p.perStudent.find((x) => x.modelId === id);
                if (!s)
                  return (
                    <td key={id} className="num">
                      —
                    </td>
                  );
                const w = s.winRate;
                return (
                  <td key={id} className="num">
                    {formatWinRateCi(w)}
                    {w.kind === 'estimate' && (
                      <span className="hint">
                        {' '}
                        ({w.wins} won, {w.ties} tied, {w.losses} lost)
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
