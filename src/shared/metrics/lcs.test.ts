import { describe, expect, it } from 'vitest';
import { lcsLength, lcsReferenceIndices } from './lcs';

describe('lcs', () => {
  it('measures the longest common subsequence', () => {
    expect(lcsLength(['a', 'b', 'c', 'b', 'd', 'a', 'b'], ['b', 'd', 'c', 'a', 'b', 'a'])).toBe(4);
    expect(lcsLength([], ['a'])).toBe(0);
  });

  it('breaks ties by stepping up in the reference, as rouge-score does', () => {
    // Both "a" and "b" are an LCS of length 1; rouge-score's backtracking picks "a" (index 0).
    expect(lcsReferenceIndices(['a', 'b'], ['b', 'a'])).toEqual([0]);
    expect(lcsReferenceIndices(['x', 'a', 'y', 'b'], ['a', 'q', 'b'])).toEqual([1, 3]);
  });
});
