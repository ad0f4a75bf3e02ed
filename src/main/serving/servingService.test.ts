/**
 * Buying, following and deleting servings with the real AWS SDK client against the serving
 * stand-in, on a real SQLite file: ready, never ready, failed, denied, a restart in the middle,
 * and a create whose answer was lost (re-sent with the same token, so nothing is made twice).
 */
import { CreateProvisionedModelThroughputCommand } from '@aws-sdk/client-bedrock';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  distilledModel,
  startServingStandIn,
  type ServingStandIn,
} from '../../../test/support/servingStandIn';
import { makeTempDir } from '../../../test/support/tempDir';
import { canaryToken, fileTexts, leaks } from '../../../test/support/canary';
import type { CustomModel, ServeRequest } from '../../shared/serving/servingDomain';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { openDatabase } from '../db/open';
import { insertServing, markAccepted } from '../db/repos/servings';
import { AppFailure } from '../common/failure';
import { getCustomModel, listCustomModels } from './customModels';
import { ServingService } from './servingService';

const REGION = 'us-east-1';
const CREDS = { accessKeyId: 'AKIASERVINGTEST00000', secretAccessKey: 'not-a-secret' };

let standIn: ServingStandIn;
let temp: ReturnType<typeof makeTempDir>;
let services: ServingService[] = [];
let closers: (() => void)[] = [];

async function openStore() {
  const { db } = await openDatabase(join(temp.dir, 'store.sqlite'));
  closers.push(() => db.close());
  return db;
}

function client() {
  const c = createControlPlaneClient({ region: REGION, endpoint: standIn.url, credentials: CREDS });
  closers.push(() => c.destroy());
  return c;
}

async function service(maxWaitMs = 60_000) {
  const db = await openStore();
  const c = client();
  const s = new ServingService({ db, clientFor: () => c, pollMs: 5, maxWaitMs });
  services.push(s);
  return { db, s };
}

function model(behaviour?: 'neverReady' | 'fails', failureMessage?: string): CustomModel {
  const wire = distilledModel(
    REGION,
    'support-micro',
    'amazon.nova-micro-v1:0',
    'amazon.nova-pro-v1:0',
  );
  standIn.addCustomModel(REGION, wire);
  if (behaviour) standIn.setBehaviour(wire.modelArn, behaviour, failureMessage);
  return {
    modelArn: wire.modelArn,
    modelName: wire.modelName,
    region: REGION,
    baseModelId: 'amazon.nova-micro-v1:0',
    teacherModelId: 'amazon.nova-pro-v1:0',
    status: 'Active',
    customizationType: 'DISTILLATION',
    createdAt: wire.creationTime,
    oneOffCostUsd: 41.5,
    datasetId: null,
  };
}

const PT: ServeRequest = {
  customModelArn: '',
  region: REGION,
  kind: 'provisioned',
  modelUnits: 1,
  term: 'noCommitment',
  confirmed: true,
};
const OD: ServeRequest = {
  customModelArn: '',
  region: REGION,
  kind: 'customModelOnDemand',
  confirmed: true,
};
const RATES = { usdPerHourPerUnit: 23.5, inputUsdPer1k: null, outputUsdPer1k: null };
const TOKEN_RATES = { usdPerHourPerUnit: null, inputUsdPer1k: 0.000035, outputUsdPer1k: 0.00014 };

beforeEach(async () => {
  standIn = await startServingStandIn({ pollsUntilReady: 2, pageSize: 2 });
  temp = makeTempDir('distill-serving-');
});
afterEach(async () => {
  services.forEach((s) => s.close());
  closers.reverse().forEach((c) => c());
  services = [];
  closers = [];
  await standIn.close();
  temp.cleanup();
});

describe('custom models from the control plane', () => {
  it('lists every page and reads the teacher of a distillation', async () => {
    const made = [model(), model(), model()];
    const listed = await listCustomModels(client(), REGION);
    expect(listed.map((m) => m.modelArn)).toEqual(made.map((m) => m.modelArn));
    expect(listed[0]?.baseModelId).toBe('amazon.nova-micro-v1:0');
    // Three models at two a page: two list requests.
    expect(standIn.requests.filter((r) => r.path.startsWith('/custom-models?'))).toHaveLength(2);
    const one = await getCustomModel(client(), made[1]?.modelArn ?? '', REGION);
    expect(one.teacherModelId).toBe('amazon.nova-pro-v1:0');
  });
});

describe('ServingService', () => {
  it('buys a Provisioned Throughput, waits until InService, and deletes it', async () => {
    const { s } = await service();
    const m = model();
    const created = await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    expect(created.phase).toBe('creating');
    expect(created.arn).toMatch(/:provisioned-model\//);
    const ready = await s.settle(created.id);
    expect(ready.phase).toBe('inService');
    expect(ready.inServiceAt).not.toBeNull();
    expect(standIn.live()).toEqual([
      expect.objectContaining({
        kind: 'provisioned',
        arn: created.arn,
        token: created.clientToken,
      }),
    ]);
    const gone = await s.delete(created.id);
    expect(gone.phase).toBe('deleted');
    expect(gone.deletedAt).not.toBeNull();
    expect(standIn.live()).toEqual([]);
  });

  it('a deployment that never becomes active ends as stuck, says it still exists, and can be deleted', async () => {
    const { s } = await service(30);
    const m = model('neverReady');
    const created = await s.serve(m, { ...OD, customModelArn: m.modelArn }, TOKEN_RATES);
    const ended = await s.settle(created.id);
    expect(ended.phase).toBe('stuck');
    expect(ended.message).toContain('still exists in AWS');
    expect(ended.message).toContain(created.arn ?? '?');
    expect(standIn.live()).toHaveLength(1);
    await s.delete(created.id);
    expect(standIn.live()).toEqual([]);
  });

  it('a serving AWS reports as Failed is kept with the reason so it can be deleted', async () => {
    const { s } = await service();
    const m = model('fails');
    const created = await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    const ended = await s.settle(created.id);
    expect(ended.phase).toBe('failed');
    expect(ended.message).toContain('Insufficient capacity');
    expect((await s.delete(created.id)).phase).toBe('deleted');
  });

  it('a Failed reason quoting a session token is stored and shown masked, in no byte of the file', async () => {
    const { s } = await service();
    const token = canaryToken();
    const m = model('fails', `Request refused: x-amz-security-token:${token}`);
    const created = await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    const ended = await s.settle(created.id);
    expect(ended.message).toContain('Request refused: x-amz-security-token:***');
    expect(
      leaks(token, [{ label: 'serving', text: JSON.stringify(ended) }, ...fileTexts(temp.dir)]),
    ).toEqual([]);
  });

  it('a denied create names the IAM action and creates nothing', async () => {
    const { s } = await service();
    standIn.deny(['bedrock:CreateCustomModelDeployment']);
    const m = model();
    const refused = await s.serve(m, { ...OD, customModelArn: m.modelArn }, TOKEN_RATES);
    expect(refused.phase).toBe('refused');
    expect(refused.message).toContain('allow bedrock:CreateCustomModelDeployment');
    expect(refused.message).toContain('Nothing was created');
    expect(standIn.live()).toEqual([]);
  });

  it('a denied delete names the IAM action and keeps the serving as it was', async () => {
    const { s } = await service();
    const m = model();
    const created = await s.settle(
      (await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES)).id,
    );
    standIn.deny(['bedrock:DeleteProvisionedModelThroughput']);
    const err = await s.delete(created.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).message).toContain('allow bedrock:DeleteProvisionedModelThroughput');
    expect(s.get(created.id).phase).toBe('inService');
    expect(standIn.live()).toHaveLength(1);
  });

  it('a denied status read names the IAM action and keeps following the serving', async () => {
    const { s } = await service();
    const m = model();
    const created = await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    standIn.deny(['bedrock:GetProvisionedModelThroughput']);
    const read = await s.refresh(created.id);
    expect(read.phase).toBe('creating');
    expect(read.message).toContain('allow bedrock:GetProvisionedModelThroughput');
  });

  it('refuses a second serving of the same model and kind while one exists', async () => {
    const { s } = await service();
    const m = model();
    await s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    await expect(s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES)).rejects.toThrow(
      /already has a Provisioned Throughput/,
    );
    expect(standIn.createCalls('provisioned')).toBe(1);
  });

  it('after a restart, follows a serving that was being created until it is in service', async () => {
    const first = await service();
    const m = model();
    const created = await first.s.serve(m, { ...PT, customModelArn: m.modelArn }, RATES);
    first.s.close();
    const second = new ServingService({
      db: first.db,
      clientFor: () => client(),
      pollMs: 5,
      maxWaitMs: 60_000,
    });
    services.push(second);
    second.resumeAll();
    await expect
      .poll(() => second.get(created.id).phase, { timeout: 5_000, interval: 10 })
      .toBe('inService');
    expect(standIn.createCalls('provisioned')).toBe(1);
  });

  it('a create whose answer was lost is re-sent with the same token after a restart: one resource', async () => {
    const { db } = await service();
    const m = model();
    const row = insertServing(db, {
      kind: 'provisioned',
      region: REGION,
      customModelArn: m.modelArn,
      customModelName: m.modelName,
      baseModelId: m.baseModelId,
      teacherModelId: m.teacherModelId,
      name: 'support-micro-pt-lost',
      modelUnits: 1,
      term: 'noCommitment',
      usdPerHourPerUnit: 23.5,
      inputUsdPer1k: null,
      outputUsdPer1k: null,
      oneOffCostUsd: null,
      datasetId: null,
    });
    // The create reached AWS, but the process died before the answer was stored.
    const first = await client().send(
      new CreateProvisionedModelThroughputCommand({
        clientRequestToken: row.clientToken,
        modelUnits: 1,
        provisionedModelName: row.name,
        modelId: m.modelArn,
      }),
    );
    const restarted = new ServingService({
      db,
      clientFor: () => client(),
      pollMs: 5,
      maxWaitMs: 60_000,
    });
    services.push(restarted);
    restarted.resumeAll();
    await expect
      .poll(() => restarted.get(row.id).phase, { timeout: 5_000, interval: 10 })
      .toBe('inService');
    expect(restarted.get(row.id).arn).toBe(first.provisionedModelArn);
    expect(standIn.live()).toHaveLength(1);
  });

  it('a serving deleted outside the app reads as deleted, not as an error', async () => {
    const { db, s } = await service();
    const m = model();
    const row = insertServing(db, {
      kind: 'customModelOnDemand',
      region: REGION,
      customModelArn: m.modelArn,
      customModelName: m.modelName,
      baseModelId: null,
      teacherModelId: null,
      name: 'gone',
      modelUnits: null,
      term: null,
      usdPerHourPerUnit: null,
      inputUsdPer1k: 0.1,
      outputUsdPer1k: 0.2,
      oneOffCostUsd: null,
      datasetId: null,
    });
    markAccepted(
      db,
      row.id,
      `arn:aws:bedrock:${REGION}:111122223333:custom-model-deployment/nothere00000`,
    );
    expect((await s.refresh(row.id)).phase).toBe('deleted');
  });
});
