import { describe, expect, it } from 'vitest';
import { estimateRun, expectedOutputTokens } from './runEstimate';

const prices = [
  {
    modelId: 'teacher',
    inputUsdPer1k: 0.00265,
    outputUsdPer1k: 0.0035,
    source: 's',
    asOf: '2026-11-24',
    overridden: false,
  },
  {
    modelId: 'student',
    inputUsdPer1k: 0.0004,
    outputUsdPer1k: 0.0006,
    source: 's',
    asOf: '2026-11-24',
    overridden: false,
  },
];

describe('run estimate', () => {
  it('caps the expected output at maxTokens', () => {
    expect(expectedOutputTokens(90, 512)).toBe(70);
    expect(expectedOutputTokens(3000, 200)).toBe(200);
  });

  it('adds up expected and worst-case cost per model and in total', () => {
    const e = estimateRun(
      [
        { modelId: 'teacher', promptTokens: [69, 120], tokenizer: 'llama3' },
        { modelId: 'student', promptTokens: [69, 120], tokenizer: 'llama3' },
      ],
      { repeats: 3, maxTokens: 100, prices, budgetUsd: 0.01 },
    );
    // teacher, per repeat: (69·0.00265 + 63·0.0035 + 120·0.00265 + 80·0.0035) / 1000
    const teacherExpected = ((69 * 0.00265 + 63 * 0.0035 + 120 * 0.00265 + 80 * 0.0035) / 1000) * 3;
    const teacherMax = ((189 * 0.00265 + 200 * 0.0035) / 1000) * 3;
    const studentMax = ((189 * 0.0004 + 200 * 0.0006) / 1000) * 3;
    expect(e.calls).toBe(12);
    expect(e.perModel[0]?.expectedUsd).toBeCloseTo(teacherExpected, 15);
    expect(e.perModel[0]?.maxOutputTokens).toBe(600);
    expect(e.maxUsd).toBeCloseTo(teacherMax + studentMax, 15);
    expect(e.overBudget).toBe(false);
  });

  it('flags a worst case above the budget', () => {
    const e = estimateRun(
      [{ modelId: 'teacher', promptTokens: [1000], tokenizer: 'approximate' }],
      {
        repeats: 1,
        maxTokens: 1000,
        prices,
        budgetUsd: 0.005,
      },
    );
    expect(e.maxUsd).toBeCloseTo((1000 * 0.00265 + 1000 * 0.0035) / 1000, 15);
    expect(e.overBudget).toBe(true);
  });
});
