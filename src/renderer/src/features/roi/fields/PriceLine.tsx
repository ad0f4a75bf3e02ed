import { formatUsd } from '../../../../../shared/format';
import { findPrice } from '../../../../../shared/pricing/findPrice';
import type { PriceCatalog } from '../../../../../shared/pricing/priceSchemas';
import type { ScenarioInput } from '../../../../../shared/roi';
import { modelName } from '../../../../../shared/report/names';

interface PriceLineProps {
  role: 'Teacher' | 'Student';
  side: ScenarioInput['teacher'];
  book: PriceCatalog;
}

/** Which model a side is, and the price it is costed at with its source and date. */
export function PriceLine({ role, side, book }: PriceLineProps) {
  const found = findPrice(side.modelId, side.region, book);
  const entry = found.found ? found.entry : null;
  const p = side.price;
  const fromOverride =
    entry?.overridden === true &&
    entry.onDemand.inputUsdPer1k === p.inputUsdPer1k &&
    entry.onDemand.outputUsdPer1k === p.outputUsdPer1k;
  return (
    <p className="price-line" data-testid={`price-line-${role.toLowerCase()}`}>
      <span className={role === 'Teacher' ? 'role role-teacher' : 'role role-student'}>{role}</span>{' '}
      <strong>{modelName(side.modelId)}</strong> · {formatUsd(p.inputUsdPer1k)} in /{' '}
      {formatUsd(p.outputUsdPer1k)} out per 1K tokens
      {fromOverride && (
        <span className="tag tag-override" title={entry.override?.note}>
          override
        </span>
      )}
      <span className="price-source">
        {p.source ?? 'no source'}
        {p.asOf ? ` · as of ${p.asOf}` : ''}
      </span>
    </p>
  );
}
