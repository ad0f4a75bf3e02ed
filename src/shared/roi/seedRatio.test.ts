import { describe, expect, it } from 'vitest';
import { seedRatio } from './seedRatio';

describe("the seed's ratio", () => {
  it('reproduces 85 % / 5 % = 17×', () => {
    // Teacher $100, student $15: 85 % saving. Pass rate 100 % → 95 %: 5 % loss.
    const r = seedRatio(100, 15, 0, 0.05);
    expect(r.kind).toBe('ratio');
    expect(r.kind === 'ratio' && r.value).toBeCloseTo(17, 12);
  });

  it('measures quality loss relative to the teacher’s pass rate', () => {
    // 90 % → 81 % is a 10 % loss.
    const r = seedRatio(100, 50, 0.1, 0.19);
    expect(r.kind === 'ratio' && r.qualityLossShare).toBeCloseTo(0.1, 12);
    expect(r.kind === 'ratio' && r.value).toBeCloseTo(5, 12);
  });

  it('says "no quality loss" instead of dividing by zero or by a gain', () => {
    expect(seedRatio(100, 15, 0.05, 0.05).kind).toBe('noQualityLoss');
    expect(seedRatio(100, 15, 0.05, 0.01).kind).toBe('noQualityLoss');
    expect(seedRatio(100, 15, 1, 1).kind).toBe('noQualityLoss');
  });

  it('has nothing to say when the teacher costs nothing', () => {
    expect(seedRatio(0, 0, 0, 0.1)).toEqual({ kind: 'noTeacherCost' });
  });
});
