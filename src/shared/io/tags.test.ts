import { describe, expect, it } from 'vitest';
import { normaliseTags, splitTagString } from './tags';

describe('splitTagString', () => {
  it('splits on ; and | but not on commas', () => {
    expect(splitTagString('a;b|c, d')).toEqual(['a', 'b', 'c, d']);
  });
});

describe('normaliseTags', () => {
  it('trims, collapses spaces, drops empties and dedupes case-insensitively keeping the first', () => {
    expect(normaliseTags(['  Finance ', 'finance', '', 'machine   learning', 'FINANCE'])).toEqual({
      tags: ['Finance', 'machine learning'],
      droppedTooLong: 0,
      droppedOverLimit: 0,
    });
  });

  it('drops tags over 40 characters (emoji count as one)', () => {
    const fits = '😀'.repeat(40);
    expect(normaliseTags([fits, 'x'.repeat(41)])).toMatchObject({
      tags: [fits],
      droppedTooLong: 1,
    });
  });

  it('keeps the first 20 distinct tags', () => {
    const raw = Array.from({ length: 25 }, (_, i) => `t${i}`);
    const result = normaliseTags([...raw, 't0']);
    expect(result.tags).toEqual(raw.slice(0, 20));
    expect(result.droppedOverLimit).toBe(5);
  });
});
