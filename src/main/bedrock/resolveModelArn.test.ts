import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startControlPlaneStandIn,
  type ControlPlaneStandIn,
} from '../../../test/support/controlPlaneStandIn';
import { accountArns } from '../../../test/support/accountArns';
import { createControlPlaneClient } from './controlPlaneClient';
import { resolveModelArn } from './resolveModelArn';

const { APP, PT, DEPLOY, data } = accountArns('us-east-1');
const ACCT = 'arn:aws:bedrock:us-east-1:111122223333';

describe('resolveModelArn against the control-plane stand-in', () => {
  let standIn: ControlPlaneStandIn;
  beforeAll(async () => {
    standIn = await startControlPlaneStandIn({ 'us-east-1': data });
  });
  afterAll(() => standIn.close());

  const client = () =>
    createControlPlaneClient({
      region: 'us-east-1',
      endpoint: standIn.url,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret-0000' },
    });

  it('finds the base model of an application profile, a provisioned model and a deployment', async () => {
    expect(await resolveModelArn(client(), APP, 'us-east-1')).toEqual({
      ok: true,
      baseModelId: 'amazon.nova-lite-v1:0',
      via: 'applicationProfile',
    });
    expect(await resolveModelArn(client(), PT, 'us-east-1')).toEqual({
      ok: true,
      baseModelId: 'meta.llama3-1-8b-instruct-v1:0',
      via: 'provisionedModel',
    });
    expect(await resolveModelArn(client(), DEPLOY, 'us-east-1')).toEqual({
      ok: true,
      baseModelId: 'amazon.nova-micro-v1:0',
      via: 'customModelDeployment',
    });
  });

  it('says so when Bedrock does not know the ARN or denies the lookup', async () => {
    const missing = await resolveModelArn(
      client(),
      `${ACCT}:provisioned-model/nononononono`,
      'us-east-1',
    );
    expect(missing.ok).toBe(false);
    standIn.queueFaults(['accessDenied']);
    const denied = await resolveModelArn(client(), PT, 'us-east-1');
    expect(denied).toMatchObject({ ok: false });
    if (!denied.ok) expect(denied.message).toMatch(/^Could not look up .*denied/);
  });
});
