import { describe, expect, it } from 'vitest';
import {
  formatDifferenceCi,
  formatMeanCi,
  formatPairedShare,
  formatScore,
  formatShareCi,
  formatSigned,
  formatWinRateCi,
  notEnough,
} from './formatQuality';
import { formatSavedAt } from '../formatTime';

const ci = { low: 0.1, high: 0.3 };

describe('formatQuality', () => {
  it('prints an estimate with its interval', () => {
    expect(formatMeanCi({ kind: 'estimate', n: 9, mean: 0.2, ci, method: 'm' }, 3)).toBe(
      '0.200 [0.100, 0.300]',
    );
    expect(
      formatDifferenceCi(
        { kind: 'estimate', n: 9, mean: -0.05, ci: { low: -0.1, high: 0.02 }, method: 'm' },
        2,
      ),
    ).toBe('−0.05 [−0.10, +0.02]');
    expect(formatShareCi({ kind: 'estimate', n: 9, failures: 2, share: 0.2, ci })).toBe(
      '20.0% [10.0%, 30.0%]',
    );
    expect(
      formatWinRateCi({ kind: 'estimate', n: 9, wins: 4, ties: 1, losses: 4, rate: 0.5, ci }),
    ).toBe('50.0% [10.0%, 30.0%]');
    const paired = {
      kind: 'estimate' as const,
      n: 9,
      teacher: { failures: 1, share: 0.1, ci },
      student: { failures: 3, share: 0.3, ci },
      difference: { value: 0.2, ci, method: 'm' },
    };
    expect(formatPairedShare(paired, 'student')).toBe('30.0% [10.0%, 30.0%]');
  });

  it('says "not enough data" instead of an interval', () => {
    expect(formatMeanCi({ kind: 'insufficient', n: 3 }, 2)).toBe('not enough data (3 paragraphs)');
    expect(notEnough(1)).toBe('not enough data (1 paragraph)');
    expect(formatPairedShare({ kind: 'insufficient', n: 0 }, 'teacher')).toBe(
      'not enough data (0 paragraphs)',
    );
  });

  it('prints when something was saved', () => {
    expect(formatSavedAt('2025-03-04T15:06:00.000Z', 'UTC')).toBe('Mar 4, 2025, 15:06');
    expect(formatSavedAt('not a date')).toBe('—');
  });

  it('keeps fixed decimals and never prints −0', () => {
    expect(formatScore(0.4, 3)).toBe('0.400');
    expect(formatScore(-0.0001, 2)).toBe('0.00');
    expect(formatScore(null, 2)).toBe('—');
    expect(formatSigned(0.0001, 3)).toBe('0.000');
    expect(formatSigned(0.25, 2)).toBe('+0.25');
  });
});
