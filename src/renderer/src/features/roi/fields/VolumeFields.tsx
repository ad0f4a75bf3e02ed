import { formatNumber, formatPercent } from '../../../../../shared/format';
import { HORIZON_MONTHS } from '../../../../../shared/roi';
import { type Draft, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';
import { Segmented } from './Segmented';

interface VolumeFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
}

/** Volume, growth, horizon and discount rate. */
export function VolumeFields({ draft, onChange }: VolumeFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const v = draft.volume;
  const growth = v.monthlyGrowth ?? 0;
  const rate = draft.finance.yearlyDiscountRate ?? 0;
  return (
    <fieldset className="assumption-group" data-testid="group-volume">
      <legend>Volume and time</legend>
      <AssumptionField
        id="volume"
        label="Requests per month"
        value={v.requestsPerMonth}
        onChange={set('volume.requestsPerMonth')}
        min={1_000}
        max={100_000_000}
        scale="log"
        integer
        unit="req/mo"
        display={formatNumber(v.requestsPerMonth)}
      />
      <AssumptionField
        id="growth"
        label="Monthly growth"
        value={growth}
        onChange={set('volume.monthlyGrowth')}
        min={-0.1}
        max={0.2}
        percent
        unit="%/mo"
        display={formatPercent(growth)}
      />
      <div className="assumption">
        <div className="assumption-head">
          <span id="horizon-label">Horizon</span>
        </div>
        <Segmented
          labelledBy="horizon-label"
          testId="horizon"
          value={String(draft.finance.horizonMonths)}
          options={HORIZON_MONTHS.map((h) => ({ value: String(h), label: `${h} months` }))}
          onChange={(h) =>
            onChange({
              ...draft,
              finance: { ...draft.finance, horizonMonths: Number(h) as 12 | 24 | 36 },
            })
          }
        />
      </div>
      <AssumptionField
        id="discount"
        label="Discount rate"
        value={rate}
        onChange={set('finance.yearlyDiscountRate')}
        min={0}
        max={0.3}
        percent
        unit="%/yr"
        display={formatPercent(rate)}
        hint="Compounded monthly in NPV and the cash flow; 0 % for undiscounted figures."
      />
    </fieldset>
  );
}
