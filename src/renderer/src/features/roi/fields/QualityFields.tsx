import { formatPercent, formatUsd } from '../../../../../shared/format';
import { type Draft, withExpectedQuality, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';
import { Segmented } from './Segmented';

const EXPECTED = [
  { value: 'base', label: 'As the base student (assumption)' },
  { value: 'typed', label: 'Expected share' },
];

interface QualityFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
}

/** Failure shares of both models and what one failed output costs. */
export function QualityFields({ draft, onChange }: QualityFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const q = draft.quality;
  const ci = q.studentFailureShareCi;
  const perFailure = q.usdPerFailure ?? 0;
  return (
    <fieldset className="assumption-group" data-testid="group-quality">
      <legend>Quality</legend>
      <AssumptionField
        id="teacher-fail"
        label="Teacher failure share"
        value={q.teacherFailureShare}
        onChange={set('quality.teacherFailureShare')}
        min={0}
        max={0.5}
        percent
        unit="%"
        display={formatPercent(q.teacherFailureShare)}
      />
      <AssumptionField
        id="student-fail"
        label="Student failure share"
        value={q.studentFailureShare}
        onChange={set('quality.studentFailureShare')}
        min={0}
        max={0.5}
        percent
        unit="%"
        display={formatPercent(q.studentFailureShare)}
        hint={
          ci
            ? `Measured 95 % CI ${formatPercent(ci.low)}–${formatPercent(ci.high)}: its high end drives the pessimistic case.`
            : 'Outputs below the quality bar. Typed in: no scores measured.'
        }
      />
      {draft.distillation.kind === 'distill' && (
        <div className="assumption">
          <div className="assumption-head">
            <span id="expected-label">Distilled student’s failure share</span>
          </div>
          <Segmented
            labelledBy="expected-label"
            testId="expected-quality"
            value={q.expectedDistilledFailureShare === undefined ? 'base' : 'typed'}
            options={EXPECTED}
            onChange={(v) => onChange(withExpectedQuality(draft, v === 'typed'))}
          />
        </div>
      )}
      {draft.distillation.kind === 'distill' && q.expectedDistilledFailureShare !== undefined && (
        <AssumptionField
          id="expected-fail"
          label="Expected failure share after distillation"
          value={q.expectedDistilledFailureShare}
          onChange={set('quality.expectedDistilledFailureShare')}
          min={0}
          max={0.5}
          percent
          unit="%"
          display={formatPercent(q.expectedDistilledFailureShare)}
          hint="An estimate, not a measurement: the report says so."
        />
      )}
      <AssumptionField
        id="cost-failure"
        label="Cost of one failed output"
        value={perFailure}
        onChange={set('quality.usdPerFailure')}
        min={0.01}
        max={100}
        scale="log"
        unit="$"
        display={formatUsd(perFailure)}
        hint="Rework or escalation; 0 leaves quality out of the money."
      />
    </fieldset>
  );
}
