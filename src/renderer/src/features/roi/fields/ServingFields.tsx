import { formatNumber, formatPercent, formatUsd } from '../../../../../shared/format';
import type { PriceCatalog, ProvisionedTerm } from '../../../../../shared/pricing/priceSchemas';
import { HOURS_PER_MONTH } from '../../../../../shared/units';
import { type Draft, type ServingKind, withServingKind, withTerm, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';
import { Segmented } from './Segmented';

interface ServingFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
}

const KINDS: { value: ServingKind; label: string }[] = [
  { value: 'onDemand', label: 'On demand' },
  { value: 'batch', label: 'Batch' },
  { value: 'provisioned', label: 'Provisioned' },
];
const TERMS: { value: ProvisionedTerm; label: string }[] = [
  { value: 'noCommitment', label: 'No commitment' },
  { value: 'oneMonth', label: '1 month' },
  { value: 'sixMonths', label: '6 months' },
];

/** How the student is served (per token, batch, or hourly provisioned units), and batch shares. */
export function ServingFields({ draft, onChange, book }: ServingFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const serving = draft.student.serving;
  const teacherBatch = draft.teacher.batchShare ?? 0;
  return (
    <fieldset className="assumption-group" data-testid="group-serving">
      <legend>Serving</legend>
      <div className="assumption">
        <div className="assumption-head">
          <span id="serving-label">Student served</span>
        </div>
        <Segmented
          labelledBy="serving-label"
          testId="serving"
          value={serving.kind}
          options={KINDS}
          onChange={(k) => onChange(withServingKind(draft, k as ServingKind, book))}
        />
      </div>
      {serving.kind === 'batch' && (
        <AssumptionField
          id="student-batch"
          label="Student traffic sent as batch"
          value={serving.batchShare}
          onChange={set('student.serving.batchShare')}
          min={0}
          max={1}
          percent
          unit="%"
          display={formatPercent(serving.batchShare, 0)}
          hint={`Batch at ${formatNumber(draft.student.price.batchMultiplier ?? 1, 2)}× the on-demand price.`}
        />
      )}
      {serving.kind === 'provisioned' && (
        <>
          <div className="assumption">
            <div className="assumption-head">
              <span id="term-label">Commitment</span>
            </div>
            <Segmented
              labelledBy="term-label"
              testId="term"
              value={serving.term}
              options={TERMS}
              onChange={(t) => onChange(withTerm(draft, t as ProvisionedTerm, book))}
            />
          </div>
          <AssumptionField
            id="units"
            label="Model units"
            value={serving.modelUnits}
            onChange={set('student.serving.modelUnits')}
            min={1}
            max={20}
            integer
            unit="MU"
            display={formatNumber(serving.modelUnits)}
          />
          <AssumptionField
            id="hourly-rate"
            label="Hourly rate per model unit"
            value={serving.usdPerHourPerUnit}
            onChange={set('student.serving.usdPerHourPerUnit')}
            min={1}
            max={200}
            scale="log"
            unit="$/h"
            display={`${formatUsd(serving.usdPerHourPerUnit)} · ${formatUsd(serving.usdPerHourPerUnit * serving.modelUnits * HOURS_PER_MONTH)}/mo`}
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
      )}
      <AssumptionField
        id="teacher-batch"
        label="Teacher traffic sent as batch today"
        value={teacherBatch}
        onChange={set('teacher.batchShare')}
        min={0}
        max={1}
        percent
        unit="%"
        display={formatPercent(teacherBatch, 0)}
      />
    </fieldset>
  );
}
