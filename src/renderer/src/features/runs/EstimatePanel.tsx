import type { ExperimentConfig } from '../../../../shared/domain/experiment';
import { formatNumber, formatUsd } from '../../../../shared/format';
import { api } from '../../api/transport';
import { useDebouncedResult } from '../../api/useDebouncedResult';
import { modelName } from '../../../../shared/report/names';

/** The cost of the run before it starts, recomputed (debounced) as the setup changes. */
export function EstimatePanel({ config }: { config: ExperimentConfig | null }) {
  const { value: estimate, error } = useDebouncedResult(config && JSON.stringify(config), (key) =>
    api.estimateExperiment(JSON.parse(key) as ExperimentConfig),
  );

  if (!config) return null;
  if (error) return <p className="banner banner-error">{error.message}</p>;
  if (!estimate) return <p className="hint">Estimating…</p>;
  const approximate = estimate.perModel.some((m) => m.tokenizer === 'approximate');
  return (
    <section className="estimate" data-testid="estimate" aria-label="Cost estimate">
      <h3>Before you run: {formatNumber(estimate.calls)} calls</h3>
      <p className="estimate-figures">
        Expected <strong data-testid="estimate-expected">{formatUsd(estimate.expectedUsd)}</strong>{' '}
        · at most <strong data-testid="estimate-max">{formatUsd(estimate.maxUsd)}</strong>
        {estimate.budgetUsd !== null && <> · budget {formatUsd(estimate.budgetUsd)}</>}
      </p>
      {estimate.overBudget && (
        <p className="banner banner-warn" data-testid="over-budget">
          The worst case is above your budget: starting will ask you to confirm.
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Input (tokens)
            </th>
            <th scope="col" className="num">
              Output, expected (tokens)
            </th>
            <th scope="col" className="num">
              Expected (USD)
            </th>
            <th scope="col" className="num">
              At most (USD)
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.perModel.map((m) => (
            <tr key={m.modelId}>
              <td>{modelName(m.modelId)}</td>
              <td className="num">{formatNumber(m.calls)}</td>
              <td className="num">
                {formatNumber(m.inputTokens)}
                {m.tokenizer === 'approximate' && '*'}
              </td>
              <td className="num">{formatNumber(m.expectedOutputTokens)}</td>
              <td className="num">{formatUsd(m.expectedUsd)}</td>
              <td className="num">{formatUsd(m.maxUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Input tokens are counted with the Llama 3 tokenizer for Llama models
        {approximate &&
          '; * marks an approximation (about 4 characters or 0.75 words per token) for others'}
        . Expected output assumes a summary about a third of the prompt; “at most” assumes every
        output reaches the token limit. Actual costs come from the token counts Bedrock reports.
      </p>
    </section>
  );
}
