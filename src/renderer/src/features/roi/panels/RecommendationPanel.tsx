import { formatPercent, formatUsd } from '../../../../../shared/format';
import type { Recommendation } from '../../../../../shared/roi';
import { AssumptionField } from '../fields/AssumptionField';

interface RecommendationPanelProps {
  recommendation: Recommendation | null;
  maxFailureShare: number;
  onMaxFailureShare: (v: number) => void;
  currentStudent: string;
  onUseStudent: (modelId: string) => void;
}

/** Among the measured students, those within the quality bar ranked by saving, and why one wins. */
export function RecommendationPanel(p: RecommendationPanelProps) {
  const rec = p.recommendation;
  const within = new Set(rec?.result.ranked.map((c) => c.modelId));
  return (
    <section className="panel recommendation" data-testid="recommendation">
      <div className="panel-head">
        <h2>Which student</h2>
      </div>
      <AssumptionField
        id="quality-bar"
        label="Highest student failure share you accept"
        value={p.maxFailureShare}
        onChange={p.onMaxFailureShare}
        min={0}
        max={0.5}
        percent
        unit="%"
        display={formatPercent(p.maxFailureShare)}
      />
      {!rec ? (
        <p className="empty-note">Choose an experiment above to rank the students it measured.</p>
      ) : (
        <>
          <p className="recommendation-reason" data-testid="recommendation-reason">
            {rec.result.reason}
          </p>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col" className="num">
                  Failure share (%)
                </th>
                <th scope="col" className="num">
                  Monthly cost saving (USD)
                </th>
                <th scope="col" className="num">
                  Net present value (USD)
                </th>
                <th scope="col">Within the bar</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {[...rec.result.ranked, ...rec.result.excluded].map((c) => {
                const detail = rec.candidates.find((d) => d.modelId === c.modelId);
                return (
                  <tr
                    key={c.modelId}
                    className={c.modelId === rec.result.winner?.modelId ? 'row-winner' : undefined}
                  >
                    <th scope="row">{c.displayName}</th>
                    <td className="num">
                      {formatPercent(c.failureShare)}
                      {detail && !detail.qualityMeasured && <span className="hint"> typed</span>}
                    </td>
                    <td className="num">{formatUsd(c.monthlySavingUsd)}</td>
                    <td className="num">{c.npvUsd === undefined ? '—' : formatUsd(c.npvUsd)}</td>
                    <td>{within.has(c.modelId) ? 'yes' : 'no'}</td>
                    <td>
                      {c.modelId !== p.currentStudent && (
                        <button
                          type="button"
                          className="btn-link"
                          onClick={() => p.onUseStudent(c.modelId)}
                        >
                          Use this student
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">
            Each student with its own measured tokens, prices and failure share, at this scenario’s
            volume, serving and costs.
          </p>
        </>
      )}
    </section>
  );
}
