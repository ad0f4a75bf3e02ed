import { describe, expect, it } from 'vitest';
import { formatDurationMs, formatMs, formatWhen } from './formatTime';

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

  it.each([
    ['2026-12-07T15:32:09.000Z', 'UTC', 'Dec 7, 15:32'],
    ['2026-12-07T00:05:00.000Z', 'UTC', 'Dec 7, 00:05'],
    ['2026-12-07T23:30:00.000Z', 'Asia/Tokyo', 'Dec 8, 08:30'],
    [null, 'UTC', '—'],
    ['not a date', 'UTC', '—'],
  ])('formatWhen(%s, %s) = %s', (iso, zone, text) => expect(formatWhen(iso, zone)).toBe(text));
});
