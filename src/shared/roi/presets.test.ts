import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { scenarioPresets } from './presets';
import { makeScenario } from './scenarioFixtures';

describe('Conservative / Base / Aggressive', () => {
  it('moves volume, quality and engineering by the stated swings, and says so', () => {
    const s = makeScenario();
    const [conservative, base, aggressive] = scenarioPresets(s);
    expect(base?.scenario).toBe(s);
    expect(conservative?.scenario.volume.requestsPerMonth).toBe(75_000);
    expect(aggressive?.scenario.volume.requestsPerMonth).toBe(125_000);
    expect(conservative?.scenario.quality.studentFailureShare).toBeCloseTo(0.0625, 12);
    expect(aggressive?.scenario.quality.studentFailureShare).toBeCloseTo(0.0375, 12);
    expect(conservative?.scenario.engineering.hours).toBe(60);
    expect(aggressive?.scenario.engineering.hours).toBe(30);
    expect(conservative?.changes).toEqual([
      'Requests per month −25 %: 75,000',
      'Student failure share +25 %: 6.3%',
      'Engineering hours +50 %: 60',
    ]);
    // Nothing else moves.
    expect(conservative?.scenario.teacher).toBe(s.teacher);
    expect(conservative?.scenario.finance).toBe(s.finance);
  });

  it('moves the failure share to the ends of a measured interval, and leaves 0 at 0', () => {
    const s = makeScenario({
      quality: {
        teacherFailureShare: 0.02,
        studentFailureShare: 0.05,
        usdPerFailure: 0.1,
        studentFailureShareCi: { low: 0.03, high: 0.09 },
      },
    });
    const [c, , a] = scenarioPresets(s);
    expect(c?.scenario.quality.studentFailureShare).toBe(0.09);
    expect(a?.scenario.quality.studentFailureShare).toBe(0.03);
    expect(c?.changes[1]).toMatch(/high end of its CI: 9\.0%/);
    const zero = makeScenario({ quality: { teacherFailureShare: 0, studentFailureShare: 0 } });
    expect(scenarioPresets(zero).map((p) => p.scenario.quality.studentFailureShare)).toEqual([
      0, 0, 0,
    ]);
  });

  it('orders the outcomes: conservative ≤ base ≤ aggressive', () => {
    const npv = scenarioPresets(makeScenario()).map((p) => computeRoi(p.scenario).npvUsd);
    expect(npv[0]).toBeLessThan(npv[1] as number);
    expect(npv[1]).toBeLessThan(npv[2] as number);
  });
});
