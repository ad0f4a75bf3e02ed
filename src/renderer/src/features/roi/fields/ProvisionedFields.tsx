import { formatNumber, formatUsd } from '../../../../../shared/format';
import type { PriceCatalog, ProvisionedTerm } from '../../../../../shared/pricing/priceSchemas';
import type { ServingOption } from '../../../../../shared/roi';
import { HOURS_PER_MONTH } from '../../../../../shared/units';
import { type Draft, withTerm, withUnitsFollowVolume, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';
import { Segmented } from './Segmented';

type Provisioned = Extract<Draft['student']['serving'], { kind: 'provisioned' }>;

interface ProvisionedFieldsProps {
  draft: Draft;
  serving: Provisioned;
  option: ServingOption | undefined;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
}

const TERM_LABELS: Record<ProvisionedTerm, string> = {
  noCommitment: 'No commitment',
  oneMonth: '1 month',
  sixMonths: '6 months',
};
const UNIT_MODES = [
  { value: 'follow', label: 'Follow the volume' },
  { value: 'fixed', label: 'Fixed' },
];

/** Provisioned throughput: the terms on sale, units (following the volume or fixed), rates. */
export function ProvisionedFields({
  draft,
  serving,
  option,
  onChange,
  book,
}: ProvisionedFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const terms = (option?.terms ?? ['oneMonth', 'sixMonths']).map((t) => ({
    value: t,
    label: TERM_LABELS[t],
  }));
  const follow = serving.unitsFollowVolume ?? true;
  const peak = serving.peakFactor ?? 1;
  return (
    <>
      <div className="assumption">
        <div className="assumption-head">
          <span id="term-label">Commitment</span>
        </div>
        <Segmented
          labelledBy="term-label"
          testId="term"
          value={serving.term}
          options={terms}
          onChange={(t) => onChange(withTerm(draft, t as ProvisionedTerm, book))}
        />
        {option?.notes?.map((n) => (
          <p key={n} className="assumption-hint">
            {n}
          </p>
        ))}
      </div>
      <div className="assumption">
        <div className="assumption-head">
          <span id="units-mode-label">Model units</span>
        </div>
        <Segmented
          labelledBy="units-mode-label"
          testId="units-mode"
          value={follow ? 'follow' : 'fixed'}
          options={UNIT_MODES}
          onChange={(m) => onChange(withUnitsFollowVolume(draft, m === 'follow'))}
        />
      </div>
      <AssumptionField
        id="units"
        label={follow ? 'Minimum model units' : 'Model units (fixed)'}
        value={serving.modelUnits}
        onChange={set('student.serving.modelUnits')}
        min={1}
        max={20}
        integer
        unit="MU"
        display={formatNumber(serving.modelUnits)}
        hint={
          follow
            ? 'Units are bought as the volume needs them: ⌈peak tokens a minute / one unit’s⌉, at least this many.'
            : 'Fixed units that cannot carry the volume are warned of; the saving then is overstated.'
        }
      />
      {follow && (
        <AssumptionField
          id="peak-factor"
          label="Peak factor"
          value={peak}
          onChange={set('student.serving.peakFactor')}
          min={1}
          max={10}
          unit="×"
          display={`${formatNumber(peak, 2)}× the average minute`}
        />
      )}
      <AssumptionField
        id="hourly-rate"
        label="Hourly rate per model unit"
        value={serving.usdPerHourPerUnit}
        onChange={set('student.serving.usdPerHourPerUnit')}
        min={1}
        max={200}
        scale="log"
        unit="$/h"
        display={`${formatUsd(serving.usdPerHourPerUnit)} · ${formatUsd(serving.usdPerHourPerUnit * HOURS_PER_MONTH)}/mo a unit`}
        missing="Not found in sources (AWS shows it in the console); enter it."
      />
      <AssumptionField
        id="capacity"
        label="Tokens per minute one unit carries"
        value={serving.capacityTokensPerMinutePerUnit}
        onChange={set('student.serving.capacityTokensPerMinutePerUnit')}
        min={1_000}
        max={1_000_000}
        scale="log"
        unit="tok/min"
        display={`${formatNumber(serving.capacityTokensPerMinutePerUnit)} (assumption)`}
        missing="AWS publishes no throughput per unit; enter your assumption."
      />
    </>
  );
}
