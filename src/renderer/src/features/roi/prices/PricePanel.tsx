import type { StoredPriceOverride } from '../../../../../shared/ipc/roiChannels';
import { formatUsd } from '../../../../../shared/format';
import type {
  PriceCatalog,
  PriceOverride,
  PriceOverrideInput,
} from '../../../../../shared/pricing/priceSchemas';
import { displayNameOf, type ScenarioInput } from '../../../../../shared/roi';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ModelPrices } from './ModelPrices';

interface PricePanelProps {
  draft: ScenarioInput;
  book: PriceCatalog;
  overrides: StoredPriceOverride[];
  onOverride: (o: PriceOverrideInput) => Promise<boolean>;
  onDelete: (id: string) => void;
  /** Price the scenario's models from the book (a saved scenario keeps the prices it had). */
  onUseBook: () => void;
}

/** What an override sets, in words: "input $0.00025/1K · 1-month rate $21.18/h". */
function describe(o: PriceOverride): string {
  const parts: string[] = [];
  if (o.inputUsdPer1k !== undefined) parts.push(`input ${formatUsd(o.inputUsdPer1k)}/1K`);
  if (o.outputUsdPer1k !== undefined) parts.push(`output ${formatUsd(o.outputUsdPer1k)}/1K`);
  if (o.batchMultiplier !== undefined) parts.push(`batch ${o.batchMultiplier}×`);
  for (const [term, v] of Object.entries(o.provisionedUsdPerHourPerUnit ?? {})) {
    if (v !== undefined) parts.push(`${term} rate ${formatUsd(v)}/h`);
  }
  if (o.trainingUsdPer1kTokens !== undefined)
    parts.push(`training ${formatUsd(o.trainingUsdPer1kTokens)}/1K`);
  if (o.storageUsdPerMonth !== undefined)
    parts.push(`storage ${formatUsd(o.storageUsdPerMonth)}/month`);
  return parts.join(' · ');
}

/** The prices behind the figures, their sources and dates, and the analyst's overrides. */
export function PricePanel({
  draft,
  book,
  overrides,
  onOverride,
  onDelete,
  onUseBook,
}: PricePanelProps) {
  return (
    <section className="panel prices-panel" data-testid="price-panel">
      <div className="panel-head">
        <h2>Prices</h2>
        <span className="hint">
          Built-in catalog with your overrides applied in the order you made them. Unknown figures
          are never guessed.
        </span>
      </div>
      <div className="price-models">
        <ModelPrices
          role="Teacher"
          side={draft.teacher}
          book={book}
          onOverride={onOverride}
          onUseBook={onUseBook}
        />
        <ModelPrices
          role="Student"
          side={draft.student}
          book={book}
          onOverride={onOverride}
          onUseBook={onUseBook}
        />
      </div>
      <h3>Your overrides</h3>
      {overrides.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <table className="table compact" data-testid="override-list">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Sets</th>
              <th scope="col">As of</th>
              <th scope="col">Source</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {overrides.map(({ id, override: o }) => (
              <tr key={id}>
                <td>
                  {displayNameOf(o.modelId)} <span className="hint">{o.region}</span>
                </td>
                <td>{describe(o)}</td>
                <td>{o.asOf}</td>
                <td>{o.note}</td>
                <td>
                  <ConfirmButton
                    label="Delete"
                    confirmLabel="Delete override"
                    className="btn-link"
                    onConfirm={() => onDelete(id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
