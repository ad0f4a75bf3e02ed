/**
 * Records a created application inference profile for an experiment's model, as
 * createExperimentProfiles leaves it after CreateInferenceProfile answered (a test tool).
 */
import type { Database } from 'better-sqlite3';
import { EXPERIMENT_TAG_KEY } from '../../src/shared/billing/billingSchemas';
import { reserveExperimentProfile, setExperimentProfileArn } from '../../src/main/db/repos/billing';

export function recordProfile(
  db: Database,
  experimentId: string,
  modelId: string,
  arn: string,
  region = 'us-east-1',
): void {
  reserveExperimentProfile(db, {
    experimentId,
    modelId,
    region,
    tagKey: EXPERIMENT_TAG_KEY,
    tagValue: experimentId,
    clientRequestToken: `${experimentId}-${modelId}`,
    profileArn: null,
    createdAt: '2026-12-07T00:00:00.000Z',
  });
  setExperimentProfileArn(db, experimentId, modelId, arn);
}
