import { describe, expect, it } from 'vitest';
import { lostTenths, totalLostMs, wholeMsOfTenths } from './lostTime';

// Six calls' lost times (0.1 ms each, as stored) whose float sum is 14,462.5 in one order and
// 14,462.499999999998 in the other: rounded to whole ms, 14,463 beside 14,462.
const LOST_MS = [1916.3, 1938.4, 4333.7, 4125.4, 1380.5, 768.2];

describe('lost time totals', () => {
  it('are the same whatever order the calls are added in', () => {
    const forward = LOST_MS.reduce((s, v) => s + v, 0);
    const backward = [...LOST_MS].reverse().reduce((s, v) => s + v, 0);
    // The float sums the panel and the report used to show disagree once rounded.
    expect(Math.round(forward)).not.toBe(Math.round(backward));
    expect(totalLostMs(LOST_MS)).toBe(totalLostMs([...LOST_MS].reverse()));
    expect(totalLostMs(LOST_MS)).toBe(14462.5);
    const tenths = LOST_MS.reduce((s, v) => s + lostTenths(v), 0);
    expect(wholeMsOfTenths(tenths)).toBe(14463);
    expect(Math.round(totalLostMs([...LOST_MS].reverse()))).toBe(14463);
  });

  it('count calls without a lost time as none', () => {
    expect(totalLostMs([null, undefined, 12.3])).toBe(12.3);
    expect(lostTenths(null)).toBe(0);
  });
});
