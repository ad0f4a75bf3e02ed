import { describe, expect, it } from 'vitest';
import { MAX_DIFF_WORDS, wordDiff } from './wordDiff';

const join = (s: { text: string }[]) => s.map((x) => x.text).join('');
const changed = (s: { text: string; kind: string }[]) =>
  s.filter((x) => x.kind === 'changed').map((x) => x.text.trim());

describe('word diff', () => {
  it('keeps both texts exactly and marks only the words the other side lacks', () => {
    const base = 'Revenue rose 12% in the quarter.';
    const other = 'Revenue grew 12% in the third quarter!';
    const d = wordDiff(base, other);
    expect(join(d.base)).toBe(base);
    expect(join(d.other)).toBe(other);
    expect(changed(d.base)).toEqual(['rose']);
    expect(changed(d.other)).toEqual(['grew', 'third']);
  });

  it('ignores case and punctuation when matching words', () => {
    const d = wordDiff('The Bank fell.', 'the bank fell');
    expect(changed(d.base)).toEqual([]);
    expect(changed(d.other)).toEqual([]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new words').other).toEqual([{ text: 'new words', kind: 'changed' }]);
    expect(wordDiff('old', '').other).toEqual([]);
  });

  it('gives up gracefully on very long texts', () => {
    const long = 'word '.repeat(MAX_DIFF_WORDS + 1);
    expect(wordDiff(long, 'x').base).toEqual([{ text: long, kind: 'same' }]);
  });
});
