import { Fragment, useState } from 'react';
import { formatNumber, formatUsd } from '../../../../../shared/format';
import { findPrice } from '../../../../../shared/pricing/findPrice';
import { catalogOriginText, publishersOf } from '../../../../../shared/pricing/priceOrigin';
import type { PriceCatalog, PriceOverrideInput } from '../../../../../shared/pricing/priceSchemas';
import type { ScenarioInput, ScenarioPrice } from '../../../../../shared/roi';
import { modelName } from '../../../../../shared/report/names';
import { OverrideForm } from './OverrideForm';
import { PRICE_FIGURES } from './priceFigures';

/** Which saved override set each overridden figure: this scenario's own, or every scenario's. */
export type OverrideScopes = ReadonlyMap<string, 'global' | 'scenario'>;

interface ModelPricesProps {
  role: 'Teacher' | 'Student';
  side: ScenarioInput['teacher'];
  book: PriceCatalog;
  /** What the price book says for this side of this scenario (resolvePrice), with its origin. */
  resolved: ScenarioPrice | null;
  scopes: OverrideScopes;
  onOverride: (o: PriceOverrideInput) => Promise<boolean>;
  onUseBook: () => void;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const shown = (unit: string, v: number) =>
  unit.startsWith('×') ? `${formatNumber(v, 2)}×` : formatUsd(v);

/** One model's price entry, figure by figure, with its sources; any figure can be overridden. */
export function ModelPrices({
  role,
  side,
  book,
  resolved,
  scopes,
  onOverride,
  onUseBook,
}: ModelPricesProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const { modelId, region } = side;
  const found = findPrice(modelId, region, book);
  const id = `prices-${role.toLowerCase()}`;
  const save = (part: Partial<PriceOverrideInput>, asOf: string, note: string) =>
    onOverride({ modelId, region, asOf, note, ...part } as PriceOverrideInput);
  const title = (
    <h3>
      {role}: {modelName(modelId)} <span className="hint">{region}</span>
    </h3>
  );

  if (!found.found) {
    return (
      <div className="model-prices" data-testid={id}>
        {title}
        <p className="missing">{found.message} Not found in sources; enter its token prices.</p>
        <OverrideForm
          testId={`${id}-new`}
          fields={[
            { label: 'On-demand input', unit: '$ per 1K tokens', value: null },
            { label: 'On-demand output', unit: '$ per 1K tokens', value: null },
          ]}
          onSave={([input, output], asOf, note) =>
            save({ inputUsdPer1k: input, outputUsdPer1k: output }, asOf, note)
          }
          onCancel={() => undefined}
        />
      </div>
    );
  }
  const entry = found.entry;
  const overridden = new Set(entry.override?.fields ?? []);
  // Differs from what the price book now says for this scenario (a saved scenario keeps its
  // prices until the analyst asks to price it again).
  const differs =
    resolved !== null &&
    (side.price.inputUsdPer1k !== resolved.inputUsdPer1k ||
      side.price.outputUsdPer1k !== resolved.outputUsdPer1k);
  return (
    <div className="model-prices" data-testid={id}>
      {title}
      <p className="price-applies" data-testid={`${id}-applies`}>
        This scenario uses {formatUsd(side.price.inputUsdPer1k)} in /{' '}
        {formatUsd(side.price.outputUsdPer1k)} out per 1,000 tokens:{' '}
        {side.price.source ?? 'no source stated'}.
      </p>
      {differs && (
        <p className="price-differs" data-testid={`${id}-differs`}>
          <span>
            The price book now says {formatUsd(resolved.inputUsdPer1k)} /{' '}
            {formatUsd(resolved.outputUsdPer1k)} ({resolved.source ?? 'no source'}).
          </span>
          <button type="button" className="btn btn-small" onClick={onUseBook}>
            Use the price book
          </button>
        </p>
      )}
      <h4 className="label">Catalog entry with your overrides for this scenario</h4>
      <table className="table compact price-table">
        <tbody>
          {PRICE_FIGURES.map((f) => {
            const k = f.read(entry);
            const rowId = `${id}-${slug(f.key)}`;
            const sources =
              k.value === null ? '' : k.sources.map((s) => `${s.tag}: ${s.ref}`).join('\n');
            return (
              <Fragment key={f.key}>
                <tr data-testid={rowId}>
                  <th scope="row">{f.label}</th>
                  <td className="num">
                    {k.value === null ? (
                      <span className="missing" title={k.unknownReason}>
                        not found in sources; enter it
                      </span>
                    ) : (
                      <>
                        {shown(f.unit, k.value)} <span className="hint">{f.unit}</span>
                      </>
                    )}
                  </td>
                  <td
                    className="source"
                    title={
                      k.value === null
                        ? k.unknownReason
                        : [sources, k.note].filter(Boolean).join('\n')
                    }
                  >
                    {overridden.has(f.key) ? (
                      <span className="tag tag-override">
                        your override for{' '}
                        {scopes.get(f.key) === 'scenario' ? 'this scenario' : 'every scenario'},{' '}
                        {entry.override?.asOf}
                      </span>
                    ) : k.value === null ? (
                      '—'
                    ) : (
                      // Publisher and date in words; the raw references stay in the tooltip.
                      catalogOriginText(publishersOf(k.sources), entry.asOf)
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn-link"
                      data-testid={`${rowId}-edit`}
                      onClick={() => setEditing(editing === f.key ? null : f.key)}
                    >
                      {k.value === null ? 'Enter' : 'Override'}
                    </button>
                  </td>
                </tr>
                {editing === f.key && (
                  <tr>
                    <td colSpan={4}>
                      <OverrideForm
                        testId={`${rowId}-form`}
                        fields={[{ label: f.label, unit: f.unit, value: k.value }]}
                        onSave={([v], asOf, note) => save(f.write(v ?? 0), asOf, note)}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {entry.onDemand.note && <p className="price-note">{entry.onDemand.note}</p>}
      {found.note && <p className="price-note">{found.note}</p>}
    </div>
  );
}
