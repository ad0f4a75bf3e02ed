import { describe, expect, it } from 'vitest';
import { formatPoints, formatPointsInterval } from './figures';
import { cut } from './appendix';
import { formatCompact, niceTicks } from './ticks';

describe('chart ticks', () => {
  it('ends on round numbers that cover the range', () => {
    expect(niceTicks(0, 437)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(-4821, 31160)).toEqual([-10000, 0, 10000, 20000, 30000, 40000]);
    expect(niceTicks(0.3, 0.76)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
  });

  it('never returns a zero-width axis', () => {
    expect(niceTicks(0, 0).length).toBeGreaterThanOrEqual(2);
    expect(niceTicks(5, 5).length).toBeGreaterThanOrEqual(2);
  });

  it('writes large axis numbers compactly', () => {
    expect(formatCompact(250_000)).toBe('250K');
    expect(formatCompact(1_500_000)).toBe('1.5M');
    expect(formatCompact(12.5)).toBe('12.5');
  });
});

describe('report text helpers', () => {
  it('writes share differences as signed percentage points', () => {
    expect(formatPoints(0.043)).toBe('+4.3 pts');
    expect(formatPoints(-0.015)).toBe('−1.5 pts');
    expect(formatPoints(0)).toBe('0.0 pts');
    expect(formatPointsInterval({ low: -0.087, high: 0.174 })).toBe('[−8.7, +17.4]');
  });

  it('cuts long text at a word and counts what it left out', () => {
    const text = 'word '.repeat(100).trim();
    const c = cut(text, 50);
    expect(c.text.endsWith('…')).toBe(true);
    expect(c.text.length).toBeLessThanOrEqual(51);
    expect(c.text.slice(0, -1).length + c.omittedChars).toBe(text.length);
    expect(cut('short', 50)).toEqual({ text: 'short', omittedChars: 0 });
  });
});
