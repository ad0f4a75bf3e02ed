import type { ModelPrice } from '../../../../shared/domain/experiment';
import type { RunRecord } from '../../../../shared/domain/run';
import { TIER_LABELS, requestTier } from '../../../../shared/domain/serviceTier';
import { formatUsd } from '../../../../shared/format';
import { summarizeByTier } from '../../../../shared/metrics/tierSummary';
import { modelName } from '../../../../shared/report/names';

const msText = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** Latency and cost per model and served tier; shown when any model used a non-standard tier. */
export function TierSummaryTable({ runs, prices }: { runs: RunRecord[]; prices: ModelPrice[] }) {
  const asked = (id: string) => prices.find((p) => p.modelId === id)?.serviceTier ?? 'default';
  const rows = summarizeByTier(runs, asked);
  if (rows.every((r) => r.tier === 'default')) return null;
  const label = (t: string) => {
    const r = requestTier(t);
    return r ? TIER_LABELS[r] : t;
  };
  return (
    <table className="table compact" data-testid="tier-summary">
      <caption>Latency and cost per service tier (tier as served)</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Tier</th>
          <th scope="col" className="num">
            Calls
          </th>
          <th scope="col" className="num">
            Latency p50 (ms)
          </th>
          <th scope="col" className="num">
            Latency p95 (ms)
          </th>
          <th scope="col" className="num">
            Cost per request (USD)
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.model}-${r.tier}`}>
            <td>{modelName(r.model)}</td>
            <td>{label(r.tier)}</td>
            <td className="num">{r.calls}</td>
            <td className="num">{msText(r.e2e.p50)}</td>
            <td className="num">{msText(r.e2e.p95)}</td>
            <td className="num">{r.costPerRequest === null ? '—' : formatUsd(r.costPerRequest)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
