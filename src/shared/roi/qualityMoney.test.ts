import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { countedQualityDifference, pessimisticQualityDifference } from './qualityMoney';
import { makeScenario, WORKED_EXAMPLE } from './scenarioFixtures';

const V = 100_000;
const withQuality = (q: Partial<typeof WORKED_EXAMPLE.quality>) =>
  makeScenario({ quality: { ...WORKED_EXAMPLE.quality, ...q } });

describe('money from quality', () => {
  it('counts a loss at its estimate, interval or not', () => {
    const s = withQuality({ teacherFailureShare: 0.02, studentFailureShare: 0.05 });
    expect(countedQualityDifference(s.quality)).toMatchObject({ counted: 0.05 - 0.02, note: null });
    expect(computeRoi(s).qualityMoney.firstMonthUsd).toBeCloseTo(-V * 0.03 * 0.1, 9);
  });

  it('does not count a gain whose interval includes zero, and says why', () => {
    const s = withQuality({
      teacherFailureShare: 0.1,
      studentFailureShare: 0.05,
      failureShareDifferenceCi: { low: -0.2, high: 0.04 },
    });
    const d = countedQualityDifference(s.quality);
    expect(d.measured).toBeCloseTo(-0.05, 12);
    expect(d.counted).toBe(0);
    expect(d.note).toMatch(/includes zero, so no gain is counted/);
    const r = computeRoi(s);
    expect(r.qualityMoney.firstMonthUsd).toBe(0);
    expect(r.firstMonth.savingUsd).toBeCloseTo(r.firstMonth.costSavingUsd, 9);
  });

  it('does not count a gain that has no interval at all', () => {
    const s = withQuality({ teacherFailureShare: 0.1, studentFailureShare: 0.05 });
    expect(countedQualityDifference(s.quality)).toMatchObject({ counted: 0, interval: null });
    expect(countedQualityDifference(s.quality).note).toMatch(/without an interval/);
  });

  it('counts a gain whose interval lies wholly below zero, apart from the headline share', () => {
    const s = withQuality({
      teacherFailureShare: 0.1,
      studentFailureShare: 0.05,
      failureShareDifferenceCi: { low: -0.09, high: -0.01 },
    });
    const r = computeRoi(s);
    expect(r.qualityMoney.firstMonthUsd).toBeCloseTo(V * 0.05 * 0.1, 9);
    expect(r.firstMonth.savingUsd).toBeCloseTo(r.firstMonth.costSavingUsd + V * 0.05 * 0.1, 9);
    // The headline share never includes it: cost saving over the teacher's cost.
    expect(r.firstMonth.savingShareOfTeacher).toBeCloseTo(
      r.firstMonth.costSavingUsd / r.firstMonth.teacherCostUsd,
      12,
    );
  });

  it('moves the pessimistic case the pessimistic way: less gain, or more loss', () => {
    const gain = withQuality({
      teacherFailureShare: 0.1,
      studentFailureShare: 0.05,
      failureShareDifferenceCi: { low: -0.09, high: -0.01 },
    });
    expect(pessimisticQualityDifference(gain.quality)).toBe(-0.01);
    const r = computeRoi(gain);
    expect(r.pessimistic?.qualityMoneyUsd).toBeCloseTo(V * 0.01 * 0.1, 9);
    expect(r.pessimistic!.qualityMoneyUsd).toBeLessThan(r.qualityMoney.firstMonthUsd);
    const unclear = withQuality({
      teacherFailureShare: 0.1,
      studentFailureShare: 0.05,
      failureShareDifferenceCi: { low: -0.2, high: 0.04 },
    });
    const u = computeRoi(unclear);
    expect(u.pessimistic?.qualityMoneyUsd).toBeCloseTo(-V * 0.04 * 0.1, 9);
    expect(u.pessimistic!.npvUsd).toBeLessThan(u.npvUsd);
  });

  it('refuses a difference interval outside [−1, 1] or upside down', () => {
    expect(() => withQuality({ failureShareDifferenceCi: { low: -2, high: 0 } })).toThrow();
    expect(() => withQuality({ failureShareDifferenceCi: { low: 0.1, high: 0 } })).toThrow(
      /low ≤ high/,
    );
  });
});
