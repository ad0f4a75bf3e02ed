import { describe, expect, it } from 'vitest';
import { percentileInterval } from './bootstrap';
import { bootstrapColumnMeans } from './columnMeans';
import { measureIntervalCoverage } from './intervalCoverage';
import {
  PAIRED_SHARES_METHOD,
  PAIRED_T_METHOD,
  pairedSharesInterval,
  pairedTInterval,
} from './pairedInterval';

describe('pairedTInterval', () => {
  it('is mean ± t(0.975, n−1) · s / √n', () => {
    // Differences 1..5: mean 3, s = √2.5, t(0.975, 4) = 2.776445.
    const r = pairedTInterval([1, 2, 3, 4, 5], 0.95);
    const half = 2.776445105 * Math.sqrt(2.5 / 5);
    expect(r.mean).toBe(3);
    expect(r.ci.low).toBeCloseTo(3 - half, 6);
    expect(r.ci.high).toBeCloseTo(3 + half, 6);
    expect(r.method).toBe(PAIRED_T_METHOD);
  });

  it('refuses fewer than two pairs', () => {
    expect(() => pairedTInterval([0.1], 0.95)).toThrow(/at least 2 pairs/);
  });
});

describe('pairedSharesInterval', () => {
  it('stays open when both models fail the same paragraphs', () => {
    const r = pairedSharesInterval(0, 0, 10, 0.95);
    expect(r.mean).toBe(0);
    expect(r.ci.low).toBeLessThan(0);
    expect(r.ci.high).toBeGreaterThan(0);
    expect(r.method).toBe(PAIRED_SHARES_METHOD);
  });

  it('is centred towards the student failing more when it does', () => {
    const r = pairedSharesInterval(8, 0, 20, 0.95);
    expect(r.mean).toBeCloseTo(0.4, 12);
    expect(r.ci.low).toBeGreaterThan(0);
    expect(r.ci.high).toBeLessThanOrEqual(1);
  });
});

describe('measured coverage of the paired interval', () => {
  const table = measureIntervalCoverage();

  it('runs at least 500 trials for n = 5, 10, 20 and 50 on both shapes of data', () => {
    expect(table.rows.map((r) => [r.population, r.n])).toEqual([
      ['ROUGE-like scores', 5],
      ['ROUGE-like scores', 10],
      ['ROUGE-like scores', 20],
      ['ROUGE-like scores', 50],
      ['1–5 ratings', 5],
      ['1–5 ratings', 10],
      ['1–5 ratings', 20],
      ['1–5 ratings', 50],
    ]);
    for (const r of table.rows) expect(r.trials).toBeGreaterThanOrEqual(500);
  });

  it('is within 2 points of the nominal 95 % from n = 10 on', () => {
    for (const r of table.rows.filter((x) => x.n >= 10)) {
      expect(Math.abs(r.coverage - 0.95), `${r.population}, n = ${r.n}`).toBeLessThanOrEqual(0.02);
    }
  });

  it('beats the percentile bootstrap it replaced, which under-covers at n = 5', () => {
    let seed = 1;
    const percentile = (d: readonly number[], c: number) => {
      const [dist] = bootstrapColumnMeans([[...d]], 1000, seed++) as [number[]];
      return percentileInterval(dist, c);
    };
    const old = measureIntervalCoverage(0.95, 500, [5], percentile, 'percentile bootstrap');
    const rouge = (t: typeof table) =>
      (
        t.rows.find((r) => r.population === 'ROUGE-like scores' && r.n === 5) as {
          coverage: number;
        }
      ).coverage;
    expect(rouge(old)).toBeLessThan(0.92);
    expect(rouge(table)).toBeGreaterThan(0.93);
  });
});
