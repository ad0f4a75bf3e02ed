import { describe, expect, it } from 'vitest';
import { requests, tokens, tokensPerMinute } from '../units';
import { provisionedUtilization, tokensPerMinuteNeeded } from './utilization';

const report = (p: { capacity: number; units?: number; growth?: number; months?: number }) =>
  provisionedUtilization({
    requestsPerMonth: requests(100_000),
    monthlyGrowth: p.growth ?? 0,
    months: p.months ?? 12,
    inputTokens: tokens(1000),
    outputTokens: tokens(250),
    modelUnits: p.units ?? 2,
    capacityTokensPerMinutePerUnit: tokensPerMinute(p.capacity),
    capacityIsAssumption: true,
  });

// 100,000 requests × 1,250 tokens over 730 h × 60 min.
const NEEDED = (100_000 * 1250) / (730 * 60);

describe('provisioned utilization', () => {
  it('needs V · (in + out) / (730 · 60) tokens a minute', () => {
    expect(tokensPerMinuteNeeded(requests(100_000), tokens(1000), tokens(250))).toBeCloseTo(
      NEEDED,
      9,
    );
  });

  it('stays quiet between 70 % and 100 %', () => {
    const r = report({ capacity: 2000 });
    expect(r.firstMonth).toBeCloseTo(NEEDED / 4000, 12);
    expect(r.firstMonth).toBeGreaterThan(0.7);
    expect(r.warnings).toEqual([]);
  });

  it('warns that capacity is mostly idle below 70 %, naming the assumption', () => {
    const r = report({ capacity: 10_000 });
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0];
    expect(w?.code).toBe('provisionedIdle');
    expect(w?.message).toMatch(/mostly idle: 14 % used in month 1/);
    expect(w?.message).toMatch(/assumption/);
  });

  it('draws the idle line at 70 %: 65 % warns, exactly 70 % does not', () => {
    expect(report({ capacity: NEEDED / 0.65 / 2 }).warnings.map((w) => w.code)).toEqual([
      'provisionedIdle',
    ]);
    expect(report({ capacity: NEEDED / 0.7 / 2 }).warnings).toEqual([]);
  });

  it('warns above 100 % and says how many units would carry the volume', () => {
    const r = report({ capacity: 1000 });
    const w = r.warnings.find((x) => x.code === 'provisionedInsufficient');
    // 2,853.9 tokens a minute over 1,000 per unit → 3 units.
    expect(w && 'unitsNeeded' in w ? w.unitsNeeded : null).toBe(3);
    expect(w?.message).toMatch(/2 fixed model unit\(s\) cannot carry the volume from month 1/);
  });

  it('finds the month in which growth outgrows the units', () => {
    // 2,853.9 / 4,000 = 0.71 in month 1; × 1.1^(t−1) passes 1 in month 5 (0.71 × 1.4641 = 1.045).
    const r = report({ capacity: 2000, growth: 0.1, months: 12 });
    const w = r.warnings.find((x) => x.code === 'provisionedInsufficient');
    expect(w && 'firstMonth' in w ? w.firstMonth : null).toBe(5);
    expect(r.peakMonth).toBe(12);
    expect(r.unitsNeededAtPeak).toBe(Math.ceil((NEEDED * 1.1 ** 11) / 2000));
  });

  it('needs exactly 2 units for exactly two units of load', () => {
    const r = report({ capacity: NEEDED / 2, units: 1 });
    expect(r.unitsNeededAtPeak).toBe(2);
  });
});
