import { describe, expect, it } from 'vitest';
import { DistillLaunchSchema } from '../../../../shared/distill/distillDomain';
import { EMPTY_DRAFT, launchOf } from './distillDraft';

describe('the Distill form as a launch request', () => {
  it('a dataset launch: prices typed, untyped ones left for main to ask for', () => {
    const l = launchOf(
      { ...EMPTY_DRAFT, datasetId: 'd1', customModelName: ' micro ', trainingPrice: '0.004' },
      true,
    );
    expect(l).toMatchObject({
      customModelName: 'micro',
      source: { kind: 'dataset', datasetId: 'd1' },
      trainingUsdPer1kTokens: 0.004,
      storageUsdPerMonth: null,
      maxResponseLength: 1000,
      confirmOverBudget: true,
    });
    expect(DistillLaunchSchema.safeParse(l).success).toBe(true);
  });

  it('invocation logs: counts as numbers, a bad one as zero for the count check to name', () => {
    const l = launchOf({
      ...EMPTY_DRAFT,
      sourceKind: 'invocationLogs',
      logsUri: 's3://logs/x/',
      usePromptResponse: true,
      promptCount: 'many',
      promptTokens: '250',
      storagePrice: '-1',
    });
    expect(l.source).toEqual({
      kind: 'invocationLogs',
      s3Uri: 's3://logs/x/',
      usePromptResponse: true,
      promptCount: 0,
      promptTokensPerPrompt: 250,
    });
    expect(l.storageUsdPerMonth).toBeNull();
    expect(DistillLaunchSchema.safeParse(l).success).toBe(true);
  });
});
