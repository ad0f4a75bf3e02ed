import { afterEach, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
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
import { getExperiment } from '../db/repos/experiments';
import { listRuns } from '../db/repos/runs';
import type { BatchClients } from './awsClients';
import { advanceBatch } from './batchPipeline';
import { setupBatch } from './batchSetup';

let stands: BatchStandIns | undefined;
let exp: BatchExperiment | undefined;
let clients: BatchClients | undefined;
afterEach(async () => {
  clients?.destroy();
  exp?.close();
  await stands?.close();
  stands = exp = clients = undefined;
});

async function setUp(paragraphs: number, repeats = 1) {
  stands = await startBatchStandIns();
  exp = await makeBatchExperiment({ paragraphs, repeats });
  clients = testBatchClients(stands);
  return { stands, exp, clients };
}

describe('batch experiments end to end through S3 and the batch stand-in', () => {
  it('uploads JSONL, creates one job per model, polls to the end and stores every result at batch prices', async () => {
    const { stands, exp, clients } = await setUp(120, 1);
    await setupBatch(
      exp.db,
      clients,
      exp.experimentId,
      { s3Uri: `s3://${BUCKET}/runs`, roleArn: ROLE },
      'us-east-1',
    );
    const o = await advanceBatch(fastDeps(exp.db, clients), exp.experimentId, { wait: true });

    expect(o.finished).toBe(true);
    expect(
      o.jobs.map((j) => [j.modelId, j.status, j.storedOk, j.storedErrors, j.notReturned]),
    ).toEqual([
      [BATCH_TEACHER, 'Completed', 120, 0, 0],
      [BATCH_STUDENT, 'Completed', 120, 0, 0],
    ]);
    expect(stands.bedrock.jobs).toHaveLength(2);
    const runs = listRuns(exp.db, exp.experimentId);
    expect(runs).toHaveLength(240);
    expect(runs.every((r) => r.via === 'batch' && r.e2eMs === null && r.status === 'ok')).toBe(
      true,
    );
    // Batch price: half the experiment's on-demand 0.001 / 0.002 per 1K tokens.
    const r0 = runs[0];
    expect(r0?.costUsd).toBeCloseTo(
      ((r0?.inputTokens ?? 0) * 0.0005 + (r0?.outputTokens ?? 0) * 0.001) / 1000,
      12,
    );
    expect(getExperiment(exp.db, exp.experimentId)?.status).toBe('completed');

    // The input is Converse-style JSONL, one record per paragraph, keyed by recordId.
    const listed = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'runs/' }),
    );
    const input = listed.Contents?.find((c) => c.Key?.endsWith('.jsonl'));
    const body = await (
      await clients.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: input?.Key }))
    ).Body?.transformToString();
    const first = JSON.parse(body?.split('\n')[0] ?? '{}') as {
      recordId: string;
      modelInput: { messages: unknown[]; inferenceConfig: unknown };
    };
    expect(first.recordId).toMatch(/^\d+-0-/);
    expect(first.modelInput.inferenceConfig).toEqual({
      maxTokens: 256,
      temperature: 0.5,
      topP: 0.9,
    });
  });
});
