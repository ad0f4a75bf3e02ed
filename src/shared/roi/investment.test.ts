import { describe, expect, it } from 'vitest';
import { usd, usdPerHour } from '../units';
import { engineeringCostUsd, investmentUsd } from './investment';
import { makeScenario } from './scenarioFixtures';

describe('one-off investment (docs/roi-model.md §3)', () => {
  const s = makeScenario();

  it('adds teacher data, training and engineering', () => {
    const i = investmentUsd(s.distillation, s.teacher, usd(4000));
    // 10,000 prompts × (1000 × 0.003 + 200 × 0.015) / 1000 = $60 of teacher calls.
    expect(i.syntheticDataUsd).toBeCloseTo(60, 9);
    // 10,000 × (1000 + 200) × 2 epochs = 24M tokens at $0.004 per 1K = $96.
    expect(i.trainingTokens).toBe(24_000_000);
    expect(i.trainingUsd).toBeCloseTo(96, 9);
    expect(i.totalUsd).toBeCloseTo(4156, 9);
  });

  it('is just the engineering cost for a base model used as-is', () => {
    const i = investmentUsd({ kind: 'baseModelAsIs' }, s.teacher, usd(1234));
    expect(i).toEqual({
      syntheticDataUsd: 0,
      teacherCalls: 0,
      trainingPairs: 0,
      pairsCapped: false,
      trainingTokens: 0,
      trainingUsd: 0,
      engineeringUsd: 1234,
      actualDistillationUsd: null,
      totalUsd: 1234,
    });
  });

  it('takes the actual cost of a distillation that has run in place of the estimate', () => {
    if (s.distillation.kind !== 'distill') throw new Error('fixture distills');
    const i = investmentUsd({ ...s.distillation, actualCostUsd: usd(41.5) }, s.teacher, usd(4000));
    expect(i.actualDistillationUsd).toBe(41.5);
    expect(i.syntheticDataUsd).toBe(0);
    expect(i.trainingUsd).toBe(0);
    expect(i.totalUsd).toBeCloseTo(4041.5, 9);
  });

  it('multiplies prompts by the expansion factor and caps pairs at 15,000 after it', () => {
    const d = makeScenario({
      distillation: {
        kind: 'distill',
        prompts: 6_000,
        expansionFactor: 2,
        epochs: 1,
        trainingUsdPer1kTokens: 0.004,
      },
    }).distillation;
    const twelve = investmentUsd(d, s.teacher, usd(0));
    expect(twelve).toMatchObject({
      teacherCalls: 12_000,
      trainingPairs: 12_000,
      pairsCapped: false,
    });
    expect(twelve.syntheticDataUsd).toBeCloseTo(72, 9);
    if (d.kind !== 'distill') throw new Error('expected a distillation');
    const many = investmentUsd({ ...d, prompts: 20_000 }, s.teacher, usd(0));
    expect(many).toMatchObject({ teacherCalls: 15_000, trainingPairs: 15_000, pairsCapped: true });
    expect(many.trainingTokens).toBe(15_000 * 1200);
  });

  it('makes no teacher calls when invocation logs supply the responses', () => {
    const logs = makeScenario({
      distillation: {
        kind: 'distill',
        prompts: 10_000,
        dataSource: 'invocationLogs',
        epochs: 2,
        trainingUsdPer1kTokens: 0.004,
      },
    }).distillation;
    const i = investmentUsd(logs, s.teacher, usd(4000));
    expect(i.teacherCalls).toBe(0);
    expect(i.syntheticDataUsd).toBe(0);
    expect(i.trainingUsd).toBeCloseTo(96, 9);
    expect(i.totalUsd).toBeCloseTo(4096, 9);
  });

  it('computes E as hours × rate', () => {
    expect(engineeringCostUsd(37.5, usdPerHour(120))).toBe(4500);
  });
});
