/**
 * The batch section of the experiment form, as data: whether to send models to batch, where
 * and with which role, and the prices the estimate then uses. A model without a batch price
 * cannot be sent to batch (batchPriceFor says why).
 */
import { checkRoleArn, parseS3Location } from '../../../../shared/batch/s3Location';
import type { BatchSettings } from '../../../../shared/batch/batchSettings';
import type { ExperimentConfig } from '../../../../shared/domain/experiment';
import { batchPriceFor } from '../../../../shared/pricing/batchPrice';

export interface BatchDraft {
  enabled: boolean;
  s3Uri: string;
  roleArn: string;
  /** Models sent to batch; empty means every model. */
  modelIds: string[];
}

export const EMPTY_BATCH: BatchDraft = { enabled: false, s3Uri: '', roleArn: '', modelIds: [] };

/**
 * The form with the saved role and S3 location (Settings › Batch inference) in the fields the
 * user has not typed in yet: the settings may answer after the user started typing.
 */
export function prefillBatch(
  b: BatchDraft,
  saved: Pick<BatchSettings, 's3Uri' | 'roleArn'>,
): BatchDraft {
  return {
    ...b,
    s3Uri: b.s3Uri === '' ? (saved.s3Uri ?? '') : b.s3Uri,
    roleArn: b.roleArn === '' ? (saved.roleArn ?? '') : b.roleArn,
  };
}

export interface BatchCheck {
  /** The config with batch prices for the batch models: what the estimate should show. */
  estimateConfig: ExperimentConfig | null;
  problems: string[];
  batchModels: string[];
}

export function checkBatchDraft(b: BatchDraft, config: ExperimentConfig | null): BatchCheck {
  if (!b.enabled || !config) return { estimateConfig: config, problems: [], batchModels: [] };
  const all = [config.teacherModelId, ...config.studentModelIds];
  const batchModels = b.modelIds.filter((m) => all.includes(m));
  const chosen = batchModels.length > 0 ? batchModels : all;
  const problems: string[] = [];
  const loc = parseS3Location(b.s3Uri);
  if (!loc.ok) problems.push(loc.message);
  const role = checkRoleArn(b.roleArn);
  if (role) problems.push(role);
  const prices = config.prices.map((p) => {
    if (!chosen.includes(p.modelId)) return p;
    const r = batchPriceFor(p, config.region);
    if (r.ok) return r.price;
    problems.push(r.message);
    return p;
  });
  return { estimateConfig: { ...config, prices }, problems, batchModels: chosen };
}
