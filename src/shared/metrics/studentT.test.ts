import { describe, expect, it } from 'vitest';
import { logGamma, studentTCdf, studentTQuantile } from './studentT';

describe('Student t', () => {
  it('matches published 97.5 % quantiles (scipy.stats.t.ppf)', () => {
    const table: [number, number][] = [
      [1, 12.706204736],
      [4, 2.776445105],
      [9, 2.262157163],
      [19, 2.093024054],
      [49, 2.009575237],
    ];
    for (const [df, q] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 7);
  });

  it('is symmetric and inverts its CDF', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 6);
    expect(studentTCdf(studentTQuantile(0.9, 12), 12)).toBeCloseTo(0.9, 6);
    expect(studentTCdf(0, 3)).toBe(0.5);
  });

  it('has log-gamma right at integers and halves', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 6);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 6);
  });

  it('refuses a probability outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(/p in \(0, 1\)/);
  });
});
