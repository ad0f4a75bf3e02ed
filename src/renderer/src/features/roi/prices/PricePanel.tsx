import type { StoredPriceOverride } from '../../../../../shared/ipc/roiChannels';
import { formatUsd } from '../../../../../shared/format';
import type {
  PriceCatalog,
  PriceOverride,
  PriceOverrideInput,
} from '../../../../../shared/pricing/priceSchemas';
import type { ScenarioInput, ScenarioPrice } from '../../../../../shared/roi';
import { modelName } from '../../../../../shared/report/names';
import { useState } from 'react';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ModelPrices, type OverrideScopes } from './ModelPrices';

interface PricePanelProps {
  draft: ScenarioInput;
  book: PriceCatalog;
  /** What the price book says for each side of this scenario. */
  resolved: { teacher: ScenarioPrice | null; student: ScenarioPrice | null };
  /** Which saved override set each overridden figure of each side (`overrideScopes`). */
  scopes: { teacher: OverrideScopes; student: OverrideScopes };
  overrides: StoredPriceOverride[];
  /** The saved scenario on screen (null: not saved yet, so an override can only be global). */
  scenarioId: string | null;
  scenarioName: string;
  onOverride: (o: PriceOverrideInput, scenarioId: string | null) => Promise<boolean>;
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
  resolved,
  scopes,
  overrides,
  scenarioId,
  scenarioName,
  onOverride,
  onDelete,
  onUseBook,
}: PricePanelProps) {
  const [scope, setScope] = useState<'scenario' | 'global'>('scenario');
  const target = scenarioId !== null && scope === 'scenario' ? scenarioId : null;
  const save = (o: PriceOverrideInput) => onOverride(o, target);
  // Overrides of other scenarios do not apply here, so they are not listed here.
  const shown = overrides.filter((o) => o.scenarioId === null || o.scenarioId === scenarioId);
  return (
    <section className="panel prices-panel" data-testid="price-panel">
      <div className="panel-head">
        <h2>Prices</h2>
        <span className="hint">
          Built-in catalog, then your overrides for every scenario, then the prices the chosen
          experiment ran under, then this scenario&rsquo;s own overrides. Unknown figures are never
          guessed.
        </span>
      </div>
      <fieldset className="override-scope" data-testid="override-scope">
        <legend className="label">A new override applies to</legend>
        <label>
          <input
            type="radio"
            name="override-scope"
            checked={target !== null}
            disabled={scenarioId === null}
            onChange={() => setScope('scenario')}
          />{' '}
          this scenario only{scenarioId !== null && scenarioName ? ` (${scenarioName})` : ''}
        </label>
        {scenarioId === null && (
          <span className="hint">Save the scenario first to keep an override to it.</span>
        )}
        <label>
          <input
            type="radio"
            name="override-scope"
            checked={target === null}
            onChange={() => setScope('global')}
          />{' '}
          every scenario
        </label>
      </fieldset>
      <div className="price-models">
        <ModelPrices
          role="Teacher"
          side={draft.teacher}
          book={book}
          resolved={resolved.teacher}
          scopes={scopes.teacher}
          onOverride={save}
          onUseBook={onUseBook}
        />
        <ModelPrices
          role="Student"
          side={draft.student}
          book={book}
          resolved={resolved.student}
          scopes={scopes.student}
          onOverride={save}
          onUseBook={onUseBook}
        />
      </div>
      <h3>Your overrides</h3>
      {shown.length === 0 ? (
        <p className="hint">None yet.</p>
      ) : (
        <table className="table compact" data-testid="override-list">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Sets</th>
              <th scope="col">Applies to</th>
              <th scope="col">As of</th>
              <th scope="col">Source</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {shown.map(({ id, override: o, scenarioId: scope }) => (
              <tr key={id}>
                <td>
                  {modelName(o.modelId)} <span className="hint">{o.region}</span>
                </td>
                <td>{describe(o)}</td>
                <td>{scope === null ? 'every scenario' : 'this scenario'}</td>
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
