import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../../shared/domain/experiment';
import { checkBatchDraft, EMPTY_BATCH, prefillBatch } from './batchDraft';

const price = (modelId: string) => ({
  modelId,
  inputUsdPer1k: 0.001,
  outputUsdPer1k: 0.002,
  source: 'catalog',
  asOf: '2026-11-24',
  overridden: false,
});
const config = (student: string): ExperimentConfig => ({
  name: 'x',
  datasetId: 'd',
  teacherModelId: 'meta.llama3-70b-instruct-v1:0',
  studentModelIds: [student],
  region: 'us-east-1',
  promptTemplate: '{{paragraph}}',
  systemPrompt: null,
  inference: { maxTokens: 10, temperature: 0, topP: 1 },
  repeats: 1,
  concurrency: 1,
  budgetUsd: null,
  prices: [price('meta.llama3-70b-instruct-v1:0'), price(student)],
});
const on = {
  ...EMPTY_BATCH,
  enabled: true,
  s3Uri: 's3://bucket/p',
  roleArn: 'arn:aws:iam::111122223333:role/R',
};

describe('checkBatchDraft', () => {
  it('prices the batch models at batch prices for the estimate, leaving the others on demand', () => {
    const c = checkBatchDraft(
      { ...on, modelIds: ['meta.llama3-8b-instruct-v1:0'] },
      config('meta.llama3-8b-instruct-v1:0'),
    );
    expect(c.problems).toEqual([]);
    expect(c.estimateConfig?.prices.map((p) => p.inputUsdPer1k)).toEqual([0.001, 0.0005]);
  });

  it('says what is wrong: location, role, a model without a batch price', () => {
    const c = checkBatchDraft(
      { ...on, s3Uri: 'bucket', roleArn: 'role' },
      config('acme.unknown-v1:0'),
    );
    expect(c.problems).toHaveLength(3);
    expect(c.problems[2]).toContain('acme.unknown-v1:0 has no batch price');
  });

  it('changes nothing when batch is off', () => {
    const cfg = config('meta.llama3-8b-instruct-v1:0');
    expect(checkBatchDraft(EMPTY_BATCH, cfg)).toEqual({
      estimateConfig: cfg,
      problems: [],
      batchModels: [],
    });
  });
});

describe('prefillBatch', () => {
  const saved = { s3Uri: 's3://saved/p', roleArn: 'arn:aws:iam::111122223333:role/Saved' };
  it('fills the empty fields from the saved settings', () => {
    expect(prefillBatch(EMPTY_BATCH, saved)).toEqual({ ...EMPTY_BATCH, ...saved });
  });
  it('keeps what the user already typed, and leaves empty what nothing was saved for', () => {
    const typed = { ...EMPTY_BATCH, enabled: true, s3Uri: 's3://typed/x' };
    expect(prefillBatch(typed, { ...saved, roleArn: null })).toEqual(typed);
    expect(prefillBatch(typed, saved)).toEqual({ ...typed, roleArn: saved.roleArn });
  });
});
