import { describe, expect, it } from 'vitest';
import { combineOrders, preferenceOfValue, preferenceValue, preferredModel } from './pairwise';

describe('pairwise verdicts in both orders', () => {
  it('maps A/B back to the model shown in that position', () => {
    expect(preferredModel('teacherFirst', 'A')).toBe('teacher');
    expect(preferredModel('teacherFirst', 'B')).toBe('student');
    expect(preferredModel('studentFirst', 'A')).toBe('student');
    expect(preferredModel('studentFirst', 'B')).toBe('teacher');
    expect(preferredModel('studentFirst', 'tie')).toBe('tie');
  });

  it.each([
    ['B', 'A', 'student'],
    ['A', 'B', 'teacher'],
    // Always "A": pure position bias, no preference between the outputs.
    ['A', 'A', 'tie'],
    ['B', 'B', 'tie'],
    ['tie', 'A', 'tie'],
    ['B', 'tie', 'tie'],
    ['tie', 'tie', 'tie'],
  ] as const)('teacher-first %s, student-first %s → %s', (tf, sf, expected) => {
    expect(combineOrders(tf, sf)).toBe(expected);
  });

  it('stores verdicts as the student’s share of a win and reads averages back', () => {
    expect(['student', 'tie', 'teacher'].map((p) => preferenceValue(p as never))).toEqual([
      1, 0.5, 0,
    ]);
    expect(preferenceOfValue(2 / 3)).toBe('student');
    expect(preferenceOfValue(0.5)).toBe('tie');
    expect(preferenceOfValue(0.25)).toBe('teacher');
  });
});
