import { describe, expect, it } from 'vitest';
import { fraction, requests, usd, usdPerHour, usdPerMonth } from '../units';
import {
  monthlyVolume,
  provisionedStudentMonthlyCostUsd,
  qualityCostPerRequestUsd,
  teacherMonthlyCostUsd,
} from './monthly';

describe('monthly figures (docs/roi-model.md §2)', () => {
  it('grows volume from month 1: V_t = V · (1 + g)^(t − 1)', () => {
    expect(monthlyVolume(requests(1000), 0.05, 1)).toBe(1000);
    expect(monthlyVolume(requests(1000), 0.05, 3)).toBeCloseTo(1102.5, 9);
    expect(monthlyVolume(requests(1000), -0.1, 2)).toBeCloseTo(900, 9);
  });

  it('prices the teacher by volume', () => {
    expect(teacherMonthlyCostUsd(requests(2000), usd(0.006))).toBeCloseTo(12, 12);
  });

  it('prices a provisioned student by the hour, 730 hours a month, whatever the volume', () => {
    // 2 units × $20/h × 730 h + $3 storage (illustrative rate: AWS's is not published).
    expect(provisionedStudentMonthlyCostUsd(2, usdPerHour(20), usdPerMonth(3))).toBe(29_203);
  });

  it('charges quality cost for extra failures and credits fewer ones', () => {
    expect(qualityCostPerRequestUsd(fraction(0.05), fraction(0.02), usd(2))).toBeCloseTo(0.06, 12);
    expect(qualityCostPerRequestUsd(fraction(0.01), fraction(0.02), usd(2))).toBeCloseTo(-0.02, 12);
  });
});
