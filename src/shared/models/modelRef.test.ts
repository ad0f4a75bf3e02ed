import { describe, expect, it } from 'vitest';
import { parseModelRef, profileGeosForRegion } from './modelRef';

const ok = (id: string) => {
  const r = parseModelRef(id);
  if (!r.ok) throw new Error(r.message);
  return r.ref;
};

describe('parseModelRef', () => {
  it('reads a bare model id and strips a context variant for pricing', () => {
    expect(ok('amazon.nova-pro-v1:0')).toMatchObject({
      kind: 'foundationModel',
      baseModelId: 'amazon.nova-pro-v1:0',
    });
    expect(ok('meta.llama3-1-8b-instruct-v1:0:128k').baseModelId).toBe(
      'meta.llama3-1-8b-instruct-v1:0',
    );
  });

  it('reads every geography of a system profile, including jp, au, ca and us-gov', () => {
    for (const geo of ['us', 'eu', 'apac', 'jp', 'au', 'ca', 'us-gov', 'global']) {
      expect(ok(`${geo}.anthropic.claude-haiku-4-5-20251001-v1:0`)).toMatchObject({
        kind: 'systemProfile',
        geo,
        baseModelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      });
    }
  });

  it('reads foundation-model and system-profile ARNs with their region and account', () => {
    expect(ok('arn:aws:bedrock:us-east-1::foundation-model/openai.gpt-oss-120b-1:0')).toMatchObject(
      {
        kind: 'foundationModel',
        region: 'us-east-1',
        accountId: null,
        baseModelId: 'openai.gpt-oss-120b-1:0',
      },
    );
    expect(
      ok('arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.amazon.nova-pro-v1:0'),
    ).toMatchObject({
      kind: 'systemProfile',
      geo: 'eu',
      accountId: '111122223333',
      baseModelId: 'amazon.nova-pro-v1:0',
    });
  });

  it('reads opaque ARNs without inventing a base model', () => {
    const cases = [
      ['application-inference-profile/5dews3o6kky6', 'applicationProfile'],
      ['provisioned-model/abcdef123456', 'provisionedModel'],
      ['custom-model-deployment/p9q8r7s6t5u4', 'customModelDeployment'],
    ] as const;
    for (const [resource, kind] of cases) {
      expect(ok(`arn:aws:bedrock:us-west-2:027950631154:${resource}`)).toMatchObject({
        kind,
        baseModelId: null,
        region: 'us-west-2',
      });
    }
  });

  it('reads the base model out of a custom-model ARN', () => {
    expect(
      ok(
        'arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.nova-micro-v1:0:128k/a1b2c3d4e5f6',
      ),
    ).toMatchObject({ kind: 'customModel', baseModelId: 'amazon.nova-micro-v1:0' });
  });

  it('refuses text that is no model, with a message that says what was expected', () => {
    for (const bad of [
      '',
      'llama',
      'arn:aws:s3:::bucket/key',
      'arn:aws:bedrock:us-east-1:1:model-invocation-job/x',
    ]) {
      const r = parseModelRef(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});

describe('profileGeosForRegion', () => {
  it('prefers the region’s own geography, then global', () => {
    expect(profileGeosForRegion('us-east-1')).toEqual(['us', 'global']);
    expect(profileGeosForRegion('ap-northeast-1')).toEqual(['jp', 'apac', 'global']);
    expect(profileGeosForRegion('ap-southeast-2')).toEqual(['au', 'apac', 'global']);
    expect(profileGeosForRegion('ca-central-1')).toEqual(['ca', 'us', 'global']);
    expect(profileGeosForRegion('us-gov-west-1')).toEqual(['us-gov']);
  });
});
