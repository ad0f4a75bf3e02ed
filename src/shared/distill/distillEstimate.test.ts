import { describe, expect, it } from 'vitest';
import { investmentUsd } from '../roi/investment';
import { tokens, usd, usdPer1k } from '../units';
import { distillCost, overBudget, type DistillCostInput } from './distillEstimate';

const input: DistillCostInput = {
  prompts: 1000,
  expansionFactor: 2,
  dataSource: 'teacherGenerates',
  epochs: 2,
  inputTokensPerPrompt: 400,
  outputTokensPerResponse: 600,
  teacherPrice: { inputUsdPer1k: 0.0008, outputUsdPer1k: 0.0032 },
  trainingUsdPer1kTokens: 0.004,
  storageUsdPerMonth: 1.95,
};

describe('distillCost', () => {
  it('is the ROI model’s §3 investment (without engineering) plus a month of storage', () => {
    const c = distillCost(input);
    const i = investmentUsd(
      {
        kind: 'distill',
        prompts: 1000,
        expansionFactor: 2,
        dataSource: 'teacherGenerates',
        epochs: 2,
        trainingUsdPer1kTokens: usdPer1k(0.004),
      },
      {
        inputTokensPerRequest: tokens(400),
        outputTokensPerRequest: tokens(600),
        price: {
          inputUsdPer1k: usdPer1k(0.0008),
          outputUsdPer1k: usdPer1k(0.0032),
          batchMultiplier: 1,
        },
      },
      usd(0),
    );
    expect(c.teacherGenerationUsd).toBe(i.syntheticDataUsd);
    expect(c.trainingUsd).toBe(i.trainingUsd);
    expect(c.storageUsd).toBe(1.95);
    expect(c.oneOffCostUsd).toBeCloseTo(i.totalUsd + 1.95, 12);
    // 2,000 pairs of 1,000 tokens, twice.
    expect(c.trainingTokens).toBe(2000 * 1000 * 2);
  });

  it('reused invocation-log responses cost no teacher calls', () => {
    const c = distillCost({ ...input, dataSource: 'invocationLogs' });
    expect(c.teacherCalls).toBe(0);
    expect(c.teacherGenerationUsd).toBe(0);
    expect(c.trainingUsd).toBe(distillCost(input).trainingUsd);
  });

  it('caps training at 15,000 pairs', () => {
    const c = distillCost({ ...input, prompts: 10_000 });
    expect(c.trainingPairs).toBe(15_000);
    expect(c.pairsCapped).toBe(true);
  });

  it('asks for confirmation only above a set budget', () => {
    const c = distillCost(input);
    expect(overBudget(c, null)).toBe(false);
    expect(overBudget(c, c.oneOffCostUsd)).toBe(false);
    expect(overBudget(c, c.oneOffCostUsd - 0.01)).toBe(true);
  });
});
