import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { WORKED_EXAMPLE, makeScenario } from './scenarioFixtures';

describe('cost-against-volume series with units that follow the volume', () => {
  // 1,250 tokens a request and 125,000 a minute per unit: one unit carries 4,380,000 a month.
  const s = makeScenario({
    student: {
      ...WORKED_EXAMPLE.student,
      serving: {
        kind: 'provisioned',
        modelUnits: 1,
        usdPerHourPerUnit: 1,
        term: 'sixMonths',
        capacityTokensPerMinutePerUnit: 125_000,
      },
    },
    volume: { requestsPerMonth: 10_000_000, monthlyGrowth: 0 },
  });
  const series = computeRoi(s).charts.costVsVolume;

  it('draws the student’s line with a step of one unit’s cost at each unit’s edge', () => {
    expect(series.stepped).toBe(true);
    const edge = series.points.findIndex((p) => p.requestsPerMonth === 4_380_000);
    expect(edge).toBeGreaterThan(0);
    const [at, past] = [series.points[edge], series.points[edge + 1]];
    expect(at?.modelUnits).toBe(1);
    expect(past?.modelUnits).toBe(2);
    // One more unit, $730 a month, within a hair of volume.
    expect((past?.studentUsd ?? 0) - (at?.studentUsd ?? 0)).toBeCloseTo(730, 0);
    const volumes = series.points.map((p) => p.requestsPerMonth);
    expect(volumes).toEqual([...volumes].sort((a, b) => a - b));
  });

  it('is a plain line for per-token serving', () => {
    const plain = computeRoi(makeScenario()).charts.costVsVolume;
    expect(plain.stepped).toBe(false);
    expect(plain.points).toHaveLength(41);
    expect(plain.points.every((p) => p.modelUnits === undefined)).toBe(true);
  });
});
