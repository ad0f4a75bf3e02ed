import { formatPercent, formatUsd } from '../../../../../shared/format';
import { type Draft, writeDraft } from '../draft';
import { AssumptionField } from './AssumptionField';

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
