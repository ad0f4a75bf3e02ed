import { describe, expect, it } from 'vitest';
import { withTrackedDistillations, type CustomModel } from './servingDomain';

const listed: CustomModel = {
  modelArn:
    'arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.nova-micro-v1:0/aaaaaaaaaaaa',
  modelName: 'listed',
  region: 'us-east-1',
  baseModelId: 'amazon.nova-micro-v1:0',
  teacherModelId: null,
  status: 'Active',
  customizationType: 'DISTILLATION',
  createdAt: '2026-12-01T00:00:00.000Z',
  oneOffCostUsd: null,
  datasetId: null,
};
const tracked = {
  outputModelArn: listed.modelArn,
  outputModelName: 'listed',
  teacherModelId: 'amazon.nova-pro-v1:0',
  studentModelId: 'amazon.nova-micro-v1:0',
  region: 'us-east-1',
  oneOffCostUsd: 41.5,
  datasetId: 'd1',
};

describe('withTrackedDistillations', () => {
  it("adds the teacher, paragraphs and one-off cost of the app's own distillations", () => {
    expect(withTrackedDistillations([listed], [tracked])).toEqual([
      { ...listed, teacherModelId: 'amazon.nova-pro-v1:0', oneOffCostUsd: 41.5, datasetId: 'd1' },
    ]);
  });

  it('keeps a tracked model the listing does not show yet', () => {
    const other = { ...tracked, outputModelArn: `${listed.modelArn}b`, outputModelName: 'new' };
    const merged = withTrackedDistillations([listed], [other]);
    expect(merged.map((m) => [m.modelName, m.oneOffCostUsd])).toEqual([
      ['listed', null],
      ['new', 41.5],
    ]);
  });
});
