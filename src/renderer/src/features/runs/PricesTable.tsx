import type { ModelPrice } from '../../../../shared/domain/experiment';
import { formatUsd } from '../../../../shared/format';
import { originOfModelPrice } from '../../../../shared/pricing/priceBook';
import { describeOrigin } from '../../../../shared/pricing/priceOrigin';
import { modelName } from '../../../../shared/report/names';

interface PricesTableProps {
  models: string[];
  prices: ModelPrice[];
  notes: Record<string, string>;
  typed: Record<string, { input: number; output: number }>;
  onType: (modelId: string, price: { input: number; output: number } | null) => void;
}

/** Every price the run will be costed at, with its source and date; any can be typed over. */
export function PricesTable({ models, prices, notes, typed, onType }: PricesTableProps) {
  return (
    <table className="table prices" data-testid="prices-table">
      <caption>Prices (USD per 1,000 tokens, on-demand)</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col" className="num">
            Input (USD / 1K tokens)
          </th>
          <th scope="col" className="num">
            Output (USD / 1K tokens)
          </th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {models.map((id) => {
          const p = prices.find((x) => x.modelId === id);
          const own = typed[id];
          return (
            <tr key={id}>
              <td>{modelName(id)}</td>
              <td className="num">
                <PriceInput
                  label={`${modelName(id)} input price`}
                  value={own?.input ?? p?.inputUsdPer1k ?? null}
                  onChange={(v) =>
                    onType(
                      id,
                      v === null
                        ? null
                        : { input: v, output: own?.output ?? p?.outputUsdPer1k ?? 0 },
                    )
                  }
                />
              </td>
              <td className="num">
                <PriceInput
                  label={`${modelName(id)} output price`}
                  value={own?.output ?? p?.outputUsdPer1k ?? null}
                  onChange={(v) =>
                    onType(
                      id,
                      v === null ? null : { input: own?.input ?? p?.inputUsdPer1k ?? 0, output: v },
                    )
                  }
                />
              </td>
              <td className="source">
                {p ? (
                  <span data-testid={`price-origin-${id}`}>
                    {describeOrigin(originOfModelPrice(p))}
                  </span>
                ) : (
                  <span className="missing">Not in the catalog: type the prices.</span>
                )}
                {notes[id] && <div className="hint">{notes[id]}</div>}
                {own && (
                  <button type="button" className="btn-link" onClick={() => onType(id, null)}>
                    Use the price book
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PriceInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  return (
    <input
      className="input input-num"
      aria-label={label}
      type="number"
      min={0}
      step="0.00001"
      value={value ?? ''}
      placeholder="—"
      title={value === null ? '' : formatUsd(value)}
      onChange={(e) => {
        const v = e.target.value === '' ? null : Number(e.target.value);
        onChange(v !== null && Number.isFinite(v) && v >= 0 ? v : null);
      }}
    />
  );
}
