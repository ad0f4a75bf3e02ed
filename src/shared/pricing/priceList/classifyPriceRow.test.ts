import { describe, expect, it } from 'vitest';
import { classifyPriceRow, type OfferAttributes } from './classifyPriceRow';

const row = (attrs: OfferAttributes, unit: string, usd: string, lease?: string) => {
  const c = classifyPriceRow(
    'AmazonBedrock',
    'SKU1',
    { regionCode: 'us-east-1', ...attrs },
    { unit, pricePerUnit: { USD: usd } },
    'us-east-1',
    lease,
  );
  if (!c.ok) throw new Error('problem' in c ? c.problem : c.ignored);
  return c.row;
};

describe('classifyPriceRow', () => {
  it('reads the unit: 1K tokens as is, 1M tokens divided by 1000, never assumed', () => {
    expect(
      row(
        { usagetype: 'USE1-NovaPro-input-tokens', model: 'Nova Pro' },
        '1K tokens',
        '0.0008000000',
      ),
    ).toMatchObject({
      usd: 0.0008,
      per: '1K tokens',
      direction: 'input',
      tier: 'standard',
      kind: 'tokens',
    });
    expect(
      row(
        {
          usagetype: 'USE1-MP:USE1_InputTokenCount-Units',
          servicename: 'Claude Sonnet 4.5 (Amazon Bedrock Edition)',
        },
        '1M tokens',
        '3.3000000000',
      ),
    ).toMatchObject({ usd: 0.0033, modelName: 'Claude Sonnet 4.5', scope: 'regional' });
  });

  it('maps tiers from suffixes, inferenceType and feature (batch marked only by feature)', () => {
    const tier = (usagetype: string, extra: OfferAttributes = {}) =>
      row({ usagetype, model: 'Nova Pro', ...extra }, '1K tokens', '0.001').tier;
    expect(tier('USE1-NovaPro-input-tokens-priority')).toBe('priority');
    expect(tier('USE1-NovaPro-output-tokens-flex')).toBe('flex');
    expect(tier('USE1-NovaMicro-input-tokens-batch')).toBe('batch');
    expect(
      tier('USE1-NovaPro-input-tokens', {
        feature: 'Batch Inference',
        inferenceType: 'Input tokens',
      }),
    ).toBe('batch');
    expect(tier('USE1-NovaPro-input-tokens', { inferenceType: 'Input tokens flex' })).toBe('flex');
    expect(tier('USE1-xai.grok-4.3-mantle-input-tokens-standard')).toBe('standard');
    expect(tier('USW2-MP:USW2_input_tokens_standard-Units')).toBe('standard');
  });

  it('tells the cross-region global rate, priority on global, and global batch apart', () => {
    const r = (usagetype: string) =>
      row({ usagetype, model: 'Nova 2.0 Lite' }, '1K tokens', '0.001');
    expect(r('USE1-Nova2.0Lite-input-tokens-cross-region-global')).toMatchObject({
      scope: 'global',
      tier: 'standard',
    });
    expect(r('USE1-Nova2.0Lite-input-tokens-cross-region-global-batch')).toMatchObject({
      scope: 'global',
      tier: 'batch',
    });
    expect(r('USE1-Nova2.0Pro-text-input-tokens-priority-cross-region-global')).toMatchObject({
      scope: 'global',
      tier: 'priority',
    });
    expect(
      row(
        {
          usagetype: 'USE1-MP:USE1_OutputTokenCount_Global-Units',
          servicename: 'Claude Haiku 4.5 (Amazon Bedrock Edition)',
        },
        '1M tokens',
        '5',
      ),
    ).toMatchObject({ scope: 'global', direction: 'output', usd: 0.005 });
  });

  it('reads custom-model tokens, training, storage and provisioned terms', () => {
    expect(
      row(
        { usagetype: 'USE1-NovaLite-input-tokens-custom-model', model: 'Nova Lite' },
        '1K tokens',
        '0.00006',
      ).kind,
    ).toBe('customModelTokens');
    expect(
      row(
        { usagetype: 'USE1-NovaPro-Customization-Training', model: 'Nova Pro' },
        '1K tokens',
        '0.008',
      ).kind,
    ).toBe('training');
    expect(
      row(
        { usagetype: 'USE1-NovaMicro-Model-Customization-input-tokens', model: 'Nova Micro' },
        '1K tokens',
        '0.001',
      ).kind,
    ).toBe('training');
    expect(
      row({ usagetype: 'USE1-NovaLite-Custom-Model-Storage', model: 'Nova Lite' }, 'Month', '1.95'),
    ).toMatchObject({ kind: 'storage', per: 'month' });
    expect(
      row(
        { usagetype: 'USE1-ProvisionedThroughput-NovaLite-NoCommit', model: 'Nova Lite' },
        'Hrs',
        '108.15',
      ),
    ).toMatchObject({ kind: 'provisioned', term: 'noCommitment', per: 'hour' });
    expect(
      row(
        {
          usagetype: 'USE1-NovaLite-ProvisionedThroughput',
          model: 'Nova Lite',
          feature: 'Provisioned Throughput',
        },
        'Hrs',
        '75',
        '6 months',
      ),
    ).toMatchObject({ term: 'sixMonths' });
  });

  it('names the model from model, titanModel, servicename or a mantle usage type', () => {
    expect(
      row(
        { usagetype: 'USE1-TitanTextLite-input-tokens', titanModel: 'Titan Text Lite' },
        '1K tokens',
        '0.0003',
      ).modelName,
    ).toBe('Titan Text Lite');
    expect(
      row(
        { usagetype: 'APS2-openai.gpt-oss-20b-mantle-input-tokens-standard' },
        '1M tokens',
        '0.0721',
      ).modelName,
    ).toBe('openai.gpt-oss-20b');
  });

  it('reports an unknown unit and a price that is not a number, and ignores images', () => {
    const c = classifyPriceRow(
      'AmazonBedrock',
      'S',
      { usagetype: 'USE1-NovaPro-input-tokens', model: 'Nova Pro' },
      { unit: '10K tokens', pricePerUnit: { USD: '0.008' } },
      'us-east-1',
    );
    expect(c).toEqual({
      ok: false,
      problem:
        'AmazonBedrock USE1-NovaPro-input-tokens (Nova Pro): unknown unit "10K tokens"; this price was left out.',
    });
    const bad = classifyPriceRow(
      'AmazonBedrock',
      'S',
      { usagetype: 'USE1-NovaPro-input-tokens', model: 'Nova Pro' },
      { unit: '1K tokens', pricePerUnit: { USD: 'n/a' } },
      'us-east-1',
    );
    expect(bad.ok === false && 'problem' in bad && bad.problem).toMatch(/"n\/a" is not a price/);
    const agentCore = classifyPriceRow(
      'AmazonBedrockAgentCore',
      'S',
      { usagetype: 'USE1-AgentCore-Memory-input-events', servicename: 'Amazon Bedrock AgentCore' },
      { unit: 'Events', pricePerUnit: { USD: '0.25' } },
      'us-east-1',
    );
    expect(agentCore).toEqual({ ok: false, ignored: 'S: no model named' });
    const image = classifyPriceRow(
      'AmazonBedrock',
      'S',
      { usagetype: 'USE1-TitanImage-images', titanModel: 'Titan Image' },
      { unit: 'image', pricePerUnit: { USD: '0.01' } },
      'us-east-1',
    );
    expect(image.ok === false && 'ignored' in image).toBe(true);
  });
});
