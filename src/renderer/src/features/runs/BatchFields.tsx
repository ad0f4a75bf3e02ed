import { modelName } from '../../../../shared/report/names';
import { BATCH_SETTINGS_PLACE, type BatchSettings } from '../../../../shared/batch/batchSettings';
import type { BatchDraft } from './batchDraft';

interface BatchFieldsProps {
  batch: BatchDraft;
  models: string[];
  problems: string[];
  /** What Settings › Batch inference holds (the fields were prefilled from it); null: not read. */
  saved: Pick<BatchSettings, 's3Uri' | 'roleArn'> | null;
  onChange: (next: BatchDraft) => void;
}

/** The batch section of the experiment form: S3 location, service role, which models. */
export function BatchFields({ batch, models, problems, saved, onChange }: BatchFieldsProps) {
  const chosen = batch.modelIds.length > 0 ? batch.modelIds : models;
  const anySaved = saved !== null && (saved.s3Uri !== null || saved.roleArn !== null);
  return (
    <fieldset className="batch-fields" data-testid="batch-fields">
      <legend>Batch inference</legend>
      <label className="check">
        <input
          type="checkbox"
          data-testid="batch-enabled"
          checked={batch.enabled}
          onChange={(e) => onChange({ ...batch, enabled: e.target.checked })}
        />{' '}
        Run as Bedrock batch jobs (about half the on-demand price; results within 24 hours; no
        latency figures)
      </label>
      {batch.enabled && (
        <>
          <p className="hint" data-testid="batch-saved-note">
            {anySaved
              ? `Prefilled from ${BATCH_SETTINGS_PLACE}; a change here applies to this experiment only.`
              : `Save a service role and an S3 location in ${BATCH_SETTINGS_PLACE} to have them filled in here.`}
          </p>
          <div className="field">
            <label htmlFor="batch-s3" className="label">
              S3 location
            </label>
            <input
              id="batch-s3"
              data-testid="batch-s3"
              className="input"
              placeholder="s3://my-bucket/distill-roi/"
              value={batch.s3Uri}
              onChange={(e) => onChange({ ...batch, s3Uri: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="batch-role" className="label">
              Service role ARN
            </label>
            <input
              id="batch-role"
              data-testid="batch-role"
              className="input"
              placeholder="arn:aws:iam::123456789012:role/BedrockBatchRole"
              value={batch.roleArn}
              onChange={(e) => onChange({ ...batch, roleArn: e.target.value })}
            />
          </div>
          <div className="field" role="group" aria-label="Models sent to batch">
            <span className="label">Models sent to batch (the others run on demand)</span>
            <div className="batch-models">
              {models.map((m) => (
                <label key={m} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(m)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? [...chosen, m]
                        : chosen.filter((x) => x !== m);
                      onChange({ ...batch, modelIds: next.length === models.length ? [] : next });
                    }}
                  />{' '}
                  {modelName(m)}
                </label>
              ))}
            </div>
          </div>
          {problems.map((p) => (
            <p key={p} className="banner banner-warn" data-testid="batch-problem">
              {p}
            </p>
          ))}
        </>
      )}
    </fieldset>
  );
}
