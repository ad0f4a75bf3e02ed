import { formatNumber, formatPercent, formatUsd } from '../../../../../shared/format';
import type { PriceCatalog } from '../../../../../shared/pricing/priceSchemas';
import {
  type Draft,
  type ServingKind,
  servingOptionsOf,
  withServingKind,
  withTeacherBatch,
  writeDraft,
} from '../draft';
import { AssumptionField } from './AssumptionField';
import { ProvisionedFields } from './ProvisionedFields';
import { Segmented } from './Segmented';

interface ServingFieldsProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  book: PriceCatalog;
}

const LABELS: Record<ServingKind, string> = {
  onDemand: 'On demand',
  batch: 'Batch',
  provisioned: 'Provisioned',
  customModelOnDemand: 'Custom-model on demand',
};
const BATCH_MODES = [
  { value: 'same', label: 'Same as the student' },
  { value: 'apart', label: 'Set apart' },
];

/**
 * How the student is served: only the ways Bedrock sells it for this pair and region, with the
 * reasons the others are missing; and the batch shares, like-for-like unless set apart.
 */
export function ServingFields({ draft, onChange, book }: ServingFieldsProps) {
  const set = (path: string) => (v: number) => onChange(writeDraft(draft, path, v));
  const serving = draft.student.serving;
  const options = servingOptionsOf(draft, book);
  const offered = options.filter((o) => o.offered || o.kind === serving.kind);
  const missing = options.filter((o) => !o.offered);
  const teacherShare = draft.teacher.batchShare;
  const studentShare = serving.kind === 'batch' ? serving.batchShare : 0;
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
          options={offered.map((o) => ({ value: o.kind, label: LABELS[o.kind] }))}
          onChange={(k) => onChange(withServingKind(draft, k as ServingKind, book))}
        />
        {missing.length > 0 && (
          <ul className="assumption-hint" data-testid="serving-not-offered">
            {missing.map((o) => (
              <li key={o.kind}>
                {LABELS[o.kind]}: {o.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      {serving.kind === 'batch' && (
        <AssumptionField
          id="student-batch"
          label="Traffic sent as batch"
          value={serving.batchShare}
          onChange={set('student.serving.batchShare')}
          min={0}
          max={1}
          percent
          unit="%"
          display={formatPercent(serving.batchShare, 0)}
          hint={`Batch at ${formatNumber(draft.student.price.batchMultiplier ?? 1, 2)}× the on-demand price; it answers within hours, not milliseconds.`}
        />
      )}
      {serving.kind === 'customModelOnDemand' && (
        <>
          <AssumptionField
            id="custom-input"
            label="Custom-model input price"
            value={serving.inputUsdPer1k}
            onChange={set('student.serving.inputUsdPer1k')}
            min={0.00001}
            max={0.1}
            scale="log"
            unit="$/1K tok"
            display={formatUsd(serving.inputUsdPer1k)}
            missing="The custom-model per-token rate is not in the catalog; enter it from the price list."
          />
          <AssumptionField
            id="custom-output"
            label="Custom-model output price"
            value={serving.outputUsdPer1k}
            onChange={set('student.serving.outputUsdPer1k')}
            min={0.00001}
            max={0.1}
            scale="log"
            unit="$/1K tok"
            display={formatUsd(serving.outputUsdPer1k)}
            missing="The custom-model per-token rate is not in the catalog; enter it from the price list."
          />
        </>
      )}
      {serving.kind === 'provisioned' && (
        <ProvisionedFields
          draft={draft}
          serving={serving}
          option={options.find((o) => o.kind === 'provisioned')}
          onChange={onChange}
          book={book}
        />
      )}
      <div className="assumption">
        <div className="assumption-head">
          <span id="teacher-batch-label">Teacher traffic sent as batch</span>
        </div>
        <Segmented
          labelledBy="teacher-batch-label"
          testId="teacher-batch-mode"
          value={teacherShare === undefined ? 'same' : 'apart'}
          options={BATCH_MODES}
          onChange={(m) => onChange(withTeacherBatch(draft, m === 'apart'))}
        />
        {teacherShare === undefined && (
          <p className="assumption-hint">
            Like-for-like: {formatPercent(studentShare, 0)}, as for the student, so the batch
            discount is not credited to the model switch.
          </p>
        )}
      </div>
      {teacherShare !== undefined && (
        <AssumptionField
          id="teacher-batch"
          label="Teacher batch share (set apart)"
          value={teacherShare}
          onChange={set('teacher.batchShare')}
          min={0}
          max={1}
          percent
          unit="%"
          display={formatPercent(teacherShare, 0)}
          hint="Set apart on purpose: the outputs say how much of the saving comes from batch."
        />
      )}
    </fieldset>
  );
}
