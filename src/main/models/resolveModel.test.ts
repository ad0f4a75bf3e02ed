import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import {
  startControlPlaneStandIn,
  type ControlPlaneStandIn,
} from '../../../test/support/controlPlaneStandIn';
import { accountArns } from '../../../test/support/accountArns';
import { makeTempDir } from '../../../test/support/tempDir';
import { describeModelResolution } from '../../shared/models/modelResolution';
import { createControlPlaneClient } from '../bedrock/controlPlaneClient';
import { fetchModelList } from '../bedrock/listModels';
import { openDatabase } from '../db/open';
import { saveModelList } from '../db/repos/modelLists';
import { resolveModel } from './resolveModel';

const { APP, PT, DEPLOY, data } = accountArns('us-west-2');
const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret-0000' };

let standIn: ControlPlaneStandIn;
let db: Database;
let cleanup: () => void;

beforeAll(async () => {
  standIn = await startControlPlaneStandIn({ 'us-west-2': data });
  const dir = makeTempDir('distill-resolve-');
  cleanup = dir.cleanup;
  db = (await openDatabase(`${dir.dir}/roi.sqlite`)).db;
});
afterAll(async () => {
  db.close();
  cleanup();
  await standIn.close();
});

const clientFor = (region: string) =>
  createControlPlaneClient({ region, endpoint: standIn.url, credentials: CREDS });

describe('resolveModel: one resolver for the CLI and the experiment form', () => {
  it('looks a provisioned model and a deployment up in the ARN’s own region, and says what they are', async () => {
    // The experiment is in us-east-1; the ARNs name us-west-2, where the stand-in knows them.
    const pt = await resolveModel(db, PT, 'us-east-1', clientFor);
    expect(pt).toEqual({
      ok: true,
      id: PT,
      kind: 'provisionedModel',
      region: 'us-west-2',
      accountId: '111122223333',
      baseModelId: 'meta.llama3-1-8b-instruct-v1:0',
      source: 'account',
    });
    expect(describeModelResolution(pt)).toBe(
      'Provisioned throughput in us-west-2 (account 111122223333): priced as Llama 3.1 8B Instruct (meta.llama3-1-8b-instruct-v1:0), looked up in your account.',
    );
    const deployment = await resolveModel(db, DEPLOY, 'us-east-1', clientFor);
    expect(deployment).toMatchObject({
      ok: true,
      kind: 'customModelDeployment',
      baseModelId: 'amazon.nova-micro-v1:0',
    });
    expect(standIn.requests.every((r) => r.region === 'us-west-2')).toBe(true);
  });

  it('answers from the text alone for profile ids, and from the stored list for an application profile', async () => {
    const profile = await resolveModel(
      db,
      'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      'us-east-1',
    );
    expect(profile).toMatchObject({
      ok: true,
      kind: 'systemProfile',
      region: null,
      baseModelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      source: 'id',
    });
    const before = standIn.requests.length;
    saveModelList(db, await fetchModelList(clientFor('us-west-2'), 'us-west-2'));
    const app = await resolveModel(db, APP, 'us-east-1', clientFor);
    expect(app).toMatchObject({
      ok: true,
      baseModelId: 'amazon.nova-lite-v1:0',
      source: 'storedList',
    });
    // The stored list answered: no GetInferenceProfile reached the control plane.
    const lookups = standIn.requests
      .slice(before)
      .filter((r) => r.path.startsWith('/inference-profiles/'));
    expect(lookups).toEqual([]);
  });

  it('offline, or denied, it says why and which kind of ARN it was', async () => {
    const offline = await resolveModel(db, PT, 'us-east-1');
    expect(offline).toMatchObject({ ok: false, kind: 'provisionedModel', region: 'us-west-2' });
    expect(describeModelResolution(offline)).toBe(
      'Provisioned throughput in us-west-2 (account 111122223333): A provisioned model ARN does not say which model it serves: name its base model for pricing.',
    );
    standIn.queueFaults(['accessDenied']);
    const denied = await resolveModel(db, PT, 'us-east-1', clientFor);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.message).toMatch(/^Could not look up .*denied/);
    const garbage = await resolveModel(db, 'arn:aws:s3:::bucket', 'us-east-1', clientFor);
    expect(garbage).toMatchObject({ ok: false, kind: null });
  });
});
