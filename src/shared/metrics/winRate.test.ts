import { describe, expect, it } from 'vitest';
import { wilsonInterval, winRateFromPreferences, winRateFromScores } from './winRate';

describe('win rate', () => {
  it('counts a tie as half a win', () => {
    const result = winRateFromPreferences(['student', 'tie', 'tie', 'teacher', 'student']);
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(result.rate).toBe(0.6);
    expect([result.wins, result.ties, result.losses]).toEqual([2, 2, 1]);
  });

  it('derives preferences from aligned scores, equal scores being ties', () => {
    const teacher = [0.5, 0.6, 0.7, 0.8, 0.4, 0.3, null];
    const student = [0.5, 0.7, 0.6, 0.8, 0.9, 0.2, 1.0];
    const result = winRateFromScores(teacher, student);
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    // Ties: paragraphs 1 and 4; wins: 2 and 5; losses: 3 and 6; 7 dropped.
    expect(result.n).toBe(6);
    expect([result.wins, result.ties, result.losses]).toEqual([2, 2, 2]);
    expect(result.rate).toBe(0.5);
  });

  it('treats differences within the tolerance as ties', () => {
    const teacher = [0.5, 0.5, 0.5, 0.5, 0.5];
    const student = [0.5005, 0.4995, 0.6, 0.4, 0.5];
    const result = winRateFromScores(teacher, student, { tieTolerance: 0.001 });
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect([result.wins, result.ties, result.losses]).toEqual([1, 3, 1]);
  });

  it('reports insufficient data below five paragraphs', () => {
    expect(winRateFromPreferences(['student', 'tie', 'teacher', 'student'])).toEqual({
      kind: 'insufficient',
      n: 4,
    });
  });

  it('gives a Wilson interval that stays informative when the student always wins', () => {
    const result = winRateFromPreferences(Array.from({ length: 10 }, () => 'student' as const));
    if (result.kind !== 'estimate') throw new Error('expected an estimate');
    expect(result.rate).toBe(1);
    // Published Wilson 95 % interval for 10/10: [0.7225, 1].
    expect(result.ci.low).toBeCloseTo(0.7225, 4);
    expect(result.ci.high).toBeCloseTo(1, 12);
  });
});

describe('wilsonInterval', () => {
  it('matches the published 95 % interval for 8 of 10', () => {
    // Newcombe (1998), method 3: 8/10 → 0.4902 to 0.9433.
    const ci = wilsonInterval(8, 10);
    expect(ci.low).toBeCloseTo(0.4902, 4);
    expect(ci.high).toBeCloseTo(0.9433, 4);
  });

  it('narrows as confidence falls', () => {
    const wide = wilsonInterval(30, 60, 0.99);
    const narrow = wilsonInterval(30, 60, 0.8);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
  });
});
