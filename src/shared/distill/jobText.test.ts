import { describe, expect, it } from 'vitest';
import type { DistillJobView } from './distillDomain';
import { distillCost } from './distillEstimate';
import { costRows, jobOutcome, jobStatusText, stepsText } from './jobText';

const estimate = distillCost({
  prompts: 200,
  expansionFactor: 1,
  dataSource: 'teacherGenerates',
  epochs: 1,
  inputTokensPerPrompt: 100,
  outputTokensPerResponse: 1000,
  teacherPrice: { inputUsdPer1k: 0.0008, outputUsdPer1k: 0.0032 },
  trainingUsdPer1kTokens: 0.004,
  storageUsdPerMonth: 1.95,
});

const job = (over: Partial<DistillJobView>): DistillJobView => ({
  id: 'j',
  jobName: 'n',
  customModelName: 'm',
  teacherModelId: 't',
  studentModelId: 's',
  region: 'us-east-1',
  sourceKind: 'dataset',
  datasetId: null,
  prompts: 200,
  phase: 'submitted',
  jobArn: 'arn:job',
  status: 'InProgress',
  steps: { validation: 'Completed', dataProcessing: 'InProgress', training: 'NotStarted' },
  failureMessage: null,
  lastError: null,
  outputModelArn: null,
  outputModelName: null,
  estimate,
  actual: null,
  createdAt: '2026-12-07T00:00:00Z',
  endTime: null,
  ...over,
});

describe('job text', () => {
  it('says what phase or status the job is in', () => {
    expect(jobStatusText(job({ phase: 'planned', status: null }))).toBe('Creating');
    expect(jobStatusText(job({ phase: 'refused', status: null }))).toBe('Refused');
    expect(jobStatusText(job({ phase: 'ended', status: 'Failed' }))).toBe('Failed');
  });

  it('lists the sub-steps in Bedrock’s order', () => {
    expect(stepsText(job({}))).toBe(
      'Validation: Completed · Data processing: InProgress · Training: NotStarted',
    );
  });

  it('prints the estimate’s components and total with the shared money format', () => {
    const rows = costRows(estimate);
    expect(rows.map((r) => r[0])).toEqual([
      'Teacher generation',
      'Student training',
      'Storage (first month)',
      'One-off total',
    ]);
    expect(rows[2]?.[1]).toBe('$1.95');
  });

  it('gives the failure message, the refusal, or the custom model', () => {
    expect(jobOutcome(job({}))).toBeNull();
    expect(
      jobOutcome(job({ phase: 'ended', status: 'Failed', failureMessage: 'bad line 3' })),
    ).toBe('bad line 3');
    expect(jobOutcome(job({ phase: 'refused', lastError: 'allow iam:PassRole' }))).toBe(
      'allow iam:PassRole',
    );
    expect(
      jobOutcome(job({ phase: 'ended', status: 'Completed', outputModelArn: 'arn:model' })),
    ).toBe('Custom model: arn:model');
  });
});
