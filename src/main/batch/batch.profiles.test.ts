/**
 * A batch job of a model with the experiment's tagged inference profile names the profile's ARN
 * as its modelId (CreateModelInvocationJob accepts an application inference profile), while the
 * stored calls stay the experiment's model at batch prices and record the ARN.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BATCH_STUDENT,
  BATCH_TEACHER,
  BUCKET,
  ROLE,
  fastDeps,
  makeBatchExperiment,
  startBatchStandIns,
  testBatchClients,
  type BatchExperiment,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import { recordProfile } from '../../../test/support/experimentProfileFixture';
import { listRuns } from '../db/repos/runs';
import type { BatchClients } from './awsClients';
import { advanceBatch } from './batchPipeline';
import { setupBatch } from './batchSetup';

const ARN = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/teach1';

let stands: BatchStandIns | undefined;
let exp: BatchExperiment | undefined;
let clients: BatchClients | undefined;
afterEach(async () => {
  clients?.destroy();
  exp?.close();
  await stands?.close();
  stands = exp = clients = undefined;
});

describe('batch jobs through an experiment’s tagged profile', () => {
  it('creates the job with the profile ARN and stores its calls under the model with the ARN', async () => {
    stands = await startBatchStandIns();
    exp = await makeBatchExperiment({ paragraphs: 100 });
    clients = testBatchClients(stands);
    recordProfile(exp.db, exp.experimentId, BATCH_TEACHER, ARN);
    await setupBatch(
      exp.db,
      clients,
      exp.experimentId,
      { s3Uri: `s3://${BUCKET}/runs`, roleArn: ROLE },
      'us-east-1',
    );
    const o = await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });

    expect(o.finished).toBe(true);
    expect(o.jobs.map((j) => [j.modelId, j.profileArn, j.storedOk])).toEqual([
      [BATCH_TEACHER, ARN, 100],
      [BATCH_STUDENT, null, 100],
    ]);
    expect(stands.bedrock.jobs.map((j) => j.modelId)).toEqual([ARN, BATCH_STUDENT]);
    // Both choices were stored before the jobs were created: a retry sends the same modelId.
    expect(
      exp.db
        .prepare('SELECT profile_arn AS p FROM batch_jobs ORDER BY model_id = ? DESC')
        .all(BATCH_TEACHER),
    ).toEqual([{ p: ARN }, { p: '' }]);
    const runs = listRuns(exp.db, exp.experimentId);
    expect(runs).toHaveLength(200);
    for (const r of runs) {
      expect(r.via).toBe('batch');
      expect(r.profileArn).toBe(r.modelId === BATCH_TEACHER ? ARN : undefined);
      // Batch price of the model, as without a profile: half of 0.001 / 0.002 per 1K tokens.
      expect(r.costUsd).toBeCloseTo(
        ((r.inputTokens ?? 0) * 0.0005 + (r.outputTokens ?? 0) * 0.001) / 1000,
        12,
      );
    }
  });
});
