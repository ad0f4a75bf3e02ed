import { describe, expect, it } from 'vitest';
import { formatDurationMs, formatMs } from './formatTime';

describe('time formatting', () => {
  it.each([
    [0.84, '0.84 ms'],
    [12.34, '12.3 ms'],
    [653, '653 ms'],
    [1318, '1.32 s'],
    [14_700, '14.7 s'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formatMs(%s) = %s', (v, text) => expect(formatMs(v)).toBe(text));

  it.each([
    [45_000, '45 s'],
    [185_000, '3 min 05 s'],
    [7_440_000, '2 h 04 min'],
    [-1, '—'],
  ])('formatDurationMs(%s) = %s', (v, text) => expect(formatDurationMs(v)).toBe(text));
});
