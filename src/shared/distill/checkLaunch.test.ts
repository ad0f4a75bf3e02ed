import { describe, expect, it } from 'vitest';
import { checkDistillLaunch } from './checkLaunch';
import type { DistillLaunchCore, DistillSettings } from './distillDomain';
import { MAX_DISTILLATION_PROMPTS, MIN_DISTILLATION_PROMPTS } from './distillLimits';

const settings: DistillSettings = {
  roleArn: 'arn:aws:iam::111122223333:role/Distill',
  s3Uri: 's3://bucket/prefix',
  budgetUsd: null,
};

const launch = (over: Partial<DistillLaunchCore> = {}): DistillLaunchCore => ({
  teacherModelId: 'amazon.nova-pro-v1:0',
  studentModelId: 'amazon.nova-micro-v1:0',
  region: 'us-east-1',
  customModelName: 'micro-distilled',
  source: { kind: 'dataset', datasetId: 'd1', promptTemplate: '{{paragraph}}', systemPrompt: null },
  maxResponseLength: 1000,
  expansionFactor: 1,
  epochs: 1,
  trainingUsdPer1kTokens: 0.004,
  storageUsdPerMonth: 1.95,
  confirmOverBudget: false,
  ...over,
});

const fields = (l: DistillLaunchCore, s = settings, n: number | null = 200) =>
  checkDistillLaunch(l, s, n).problems.map((p) => p.field);

describe('checkDistillLaunch', () => {
  it('passes a listed pair in its region with everything set', () => {
    expect(checkDistillLaunch(launch(), settings, 200).problems).toEqual([]);
  });

  it('names the student for a pair Bedrock cannot distill, and the region for the wrong region', () => {
    expect(fields(launch({ studentModelId: 'meta.llama3-1-8b-instruct-v1:0' }))).toEqual([
      'studentModelId',
    ]);
    const wrongRegion = checkDistillLaunch(launch({ region: 'us-west-2' }), settings, 200);
    expect(wrongRegion.problems[0]?.field).toBe('region');
    expect(wrongRegion.problems[0]?.message).toContain('us-east-1');
    expect(fields(launch({ teacherModelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }))).toEqual(
      ['studentModelId'],
    );
  });

  it('keeps the prompt count within the documented limits, naming the source field', () => {
    expect(fields(launch(), settings, MIN_DISTILLATION_PROMPTS - 1)).toEqual(['datasetId']);
    expect(fields(launch(), settings, MIN_DISTILLATION_PROMPTS)).toEqual([]);
    expect(fields(launch(), settings, MAX_DISTILLATION_PROMPTS)).toEqual([]);
    const logs = launch({
      source: {
        kind: 'invocationLogs',
        s3Uri: 's3://logs/AWSLogs/',
        usePromptResponse: true,
        promptCount: MAX_DISTILLATION_PROMPTS + 1,
        promptTokensPerPrompt: 300,
      },
    });
    expect(fields(logs, settings, MAX_DISTILLATION_PROMPTS + 1)).toEqual(['promptCount']);
  });

  it('asks for the role, the S3 location and a valid model name', () => {
    expect(
      fields(launch({ customModelName: '-bad name' }), { ...settings, roleArn: null, s3Uri: null }),
    ).toEqual(['customModelName', 's3Uri', 'roleArn']);
    expect(fields(launch(), { ...settings, roleArn: 'role', s3Uri: 'bucket' })).toEqual([
      's3Uri',
      'roleArn',
    ]);
  });

  it('says when the teacher needs an inference profile', () => {
    const r = checkDistillLaunch(
      launch({ teacherModelId: 'amazon.nova-premier-v1:0' }),
      settings,
      200,
    );
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toContain('inference profile');
  });
});
