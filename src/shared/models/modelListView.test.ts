import { describe, expect, it } from 'vitest';
import { invocationFor } from './invocation';
import type { ModelList } from './modelList';
import { lifecycleWarningsFor, pickableModels, resolveBaseModel } from './modelListView';
import { shippedModelList } from './shippedModelList';

const shipped = (region: string): ModelList => {
  const list = shippedModelList(region);
  if (!list) throw new Error(`no shipped list for ${region}`);
  return list;
};

describe('invocationFor', () => {
  it('depends on the region: Llama 3.1 8B needs us. in us-east-1, not in us-west-2', () => {
    expect(invocationFor(shipped('us-east-1'), 'meta.llama3-1-8b-instruct-v1:0')).toMatchObject({
      ok: true,
      invokeId: 'us.meta.llama3-1-8b-instruct-v1:0',
      needsProfile: true,
    });
    expect(invocationFor(shipped('us-west-2'), 'meta.llama3-1-8b-instruct-v1:0')).toMatchObject({
      ok: true,
      invokeId: 'meta.llama3-1-8b-instruct-v1:0',
      needsProfile: false,
    });
  });

  it('prefers the region’s geography over global, and uses global when only it exists', () => {
    const list: ModelList = {
      region: 'ap-northeast-1',
      fetchedAt: '2026-12-07T00:00:00Z',
      source: 'test',
      models: [],
      profiles: ['global', 'apac', 'jp'].map((geo) => ({
        id: `${geo}.x.model-v1:0`,
        arn: `arn:aws:bedrock:ap-northeast-1:1:inference-profile/${geo}.x.model-v1:0`,
        name: geo,
        type: 'SYSTEM_DEFINED',
        status: 'ACTIVE',
        modelArns: ['arn:aws:bedrock:ap-northeast-1::foundation-model/x.model-v1:0'],
      })),
    };
    expect(invocationFor(list, 'x.model-v1:0')).toMatchObject({ invokeId: 'jp.x.model-v1:0' });
    const onlyGlobal = { ...list, profiles: list.profiles.slice(0, 1) };
    expect(invocationFor(onlyGlobal, 'x.model-v1:0')).toMatchObject({
      invokeId: 'global.x.model-v1:0',
    });
  });

  it('says when a model is not offered in the region', () => {
    const r = invocationFor(shipped('us-east-1'), 'meta.llama3-1-405b-instruct-v1:0');
    expect(r).toEqual({
      ok: false,
      message: 'meta.llama3-1-405b-instruct-v1:0 is not offered in us-east-1.',
    });
  });
});

describe('pickableModels', () => {
  it('lists the late-2026 models by name and marks the Legacy one with its end of life', () => {
    const rows = pickableModels(shipped('us-east-1'), '2026-05-01');
    const names = rows.map((r) => r.name);
    for (const n of [
      'Llama 4 Maverick 17B Instruct',
      'Nova 2 Lite',
      'Claude Sonnet 4.5',
      'gpt-oss-120b',
      'Qwen3 32B',
      'DeepSeek-R1',
    ]) {
      expect(names).toContain(n);
    }
    const haiku = rows.find((r) => r.modelId === 'anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(haiku?.endOfLife).toBe('2026-06-19');
    expect(haiku?.warning).toMatch(/Legacy; end of life 2026-06-19/);
    expect(rows.find((r) => r.modelId === 'amazon.nova-pro-v1:0')?.warning).toBeNull();
    const later = pickableModels(shipped('us-east-1'), '2026-12-07');
    expect(later.find((r) => r.name === 'Claude 3.5 Haiku')?.warning).toMatch(
      /reached end of life/,
    );
  });

  it('leaves out models that do not answer in text or do not stream', () => {
    const list = shipped('us-east-1');
    const first = list.models[0];
    if (!first) throw new Error('empty');
    const noText = {
      ...first,
      modelId: 'amazon.titan-embed-text-v2:0',
      outputModalities: ['EMBEDDING'],
    };
    const noStream = { ...first, modelId: 'x.nostream-v1:0', responseStreamingSupported: false };
    const rows = pickableModels(
      { ...list, models: [...list.models, noText, noStream] },
      '2026-12-07',
    );
    expect(rows.map((r) => r.modelId)).not.toContain('amazon.titan-embed-text-v2:0');
    expect(rows.map((r) => r.modelId)).not.toContain('x.nostream-v1:0');
  });
});

describe('resolveBaseModel', () => {
  it('finds an application profile’s base model in the stored profile list', () => {
    const arn = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123abc123';
    const list: ModelList = {
      ...shipped('us-east-1'),
      profiles: [
        {
          id: 'abc123abc123',
          arn,
          name: 'team-a',
          type: 'APPLICATION',
          status: 'ACTIVE',
          modelArns: ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
        },
      ],
    };
    expect(resolveBaseModel(arn, [list])).toEqual({
      ok: true,
      baseModelId: 'amazon.nova-lite-v1:0',
      via: 'applicationProfile',
    });
    expect(resolveBaseModel(arn, []).ok).toBe(false);
  });

  it('asks for the base model of a provisioned model or a deployment', () => {
    const r = resolveBaseModel('arn:aws:bedrock:us-east-1:1:provisioned-model/abcdef123456', []);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toMatch(/name its base model/);
  });
});

describe('lifecycleWarningsFor', () => {
  it('warns once per Legacy model, whether named by model id, profile id or ARN', () => {
    const list = shippedModelList('us-east-1');
    if (!list) throw new Error('no list');
    const haiku = 'anthropic.claude-3-5-haiku-20241022-v1:0';
    expect(
      lifecycleWarningsFor(
        list,
        [
          haiku,
          `us.${haiku}`,
          `arn:aws:bedrock:us-east-1::foundation-model/${haiku}`,
          'amazon.nova-pro-v1:0',
        ],
        '2026-01-01',
      ),
    ).toEqual([
      'Claude 3.5 Haiku is Legacy; end of life 2026-06-19. New customers cannot use it and no new Provisioned Throughput can be bought for it.',
    ]);
  });
});
