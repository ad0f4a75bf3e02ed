import { TIER_LABELS, type ServiceTier } from '../../../../shared/domain/serviceTier';
import type { ModelNaming } from '../../../../shared/pricing/priceList/snapshotPrices';
import { tiersOffered } from '../../../../shared/pricing/priceList/experimentTiers';
import type { PriceSnapshot } from '../../../../shared/pricing/priceList/priceSnapshot';
import { modelName } from '../../../../shared/report/names';

interface TierFieldsProps {
  models: string[];
  tiers: Record<string, ServiceTier>;
  snapshot: PriceSnapshot | null;
  names: readonly ModelNaming[];
  /** Reserved is offered only once the analyst says they have reserved capacity. */
  reserved: boolean;
  onChange: (tiers: Record<string, ServiceTier>, reserved: boolean) => void;
}

/**
 * The service tier each model is called at: Standard, and the tiers the Price List prices for
 * it (Priority, Flex), so latency and cost can be compared per tier.
 */
export function TierFields({
  models,
  tiers,
  snapshot,
  names,
  reserved,
  onChange,
}: TierFieldsProps) {
  return (
    <fieldset className="field tiers" data-testid="tier-fields">
      <legend className="label">
        Service tier{' '}
        <span className="optional">
          {snapshot
            ? `tiers priced in the Price List of ${snapshot.publicationDate.slice(0, 10)}`
            : 'refresh prices to see Priority and Flex'}
        </span>
      </legend>
      {models.map((id) => {
        const offered = tiersOffered(snapshot, id, names).filter((t) => t !== 'reserved');
        const options = reserved ? [...offered, 'reserved' as const] : offered;
        const value = tiers[id] ?? 'default';
        return (
          <label key={id} className="row tier-row">
            <span>{modelName(id)}</span>
            <select
              className="input"
              aria-label={`${modelName(id)} service tier`}
              value={value}
              onChange={(e) =>
                onChange({ ...tiers, [id]: e.target.value as ServiceTier }, reserved)
              }
            >
              {(options.includes(value) ? options : [...options, value]).map((t) => (
                <option key={t} value={t}>
                  {TIER_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="check">
        <input
          type="checkbox"
          checked={reserved}
          onChange={(e) => onChange(tiers, e.target.checked)}
        />
        I have Reserved capacity (arranged with AWS; type its price)
      </label>
    </fieldset>
  );
}
