import { describe, expect, it } from 'vitest';
import { usd, usdPerHour } from '../units';
import { engineeringCostUsd, investmentUsd } from './investment';
import { makeScenario } from './scenarioFixtures';

describe('one-off investment (roi-model.md §3)', () => {
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
      trainingTokens: 0,
      trainingUsd: 0,
      engineeringUsd: 1234,
      totalUsd: 1234,
    });
  });

  it('computes E as hours × rate', () => {
    expect(engineeringCostUsd(37.5, usdPerHour(120))).toBe(4500);
  });
});
