import { lcsTable } from '../metrics/lcs';

export interface DiffSegment {
  text: string;
  /** `same` when the word is in both texts, `changed` when only this side has it. */
  kind: 'same' | 'changed';
}

/** Words with their trailing whitespace, so that joining the segments gives the text back exactly. */
function splitWords(text: string): { raw: string; key: string }[] {
  const parts = text.match(/\s*\S+\s*|\s+/g) ?? [];
  return parts.map((raw) => ({
    raw,
    key: raw
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ''),
  }));
}

/**
 * Marks, on each side, the words the other side does not share (longest common subsequence over
 * words, compared case- and punctuation-insensitively). Long texts are capped so that a 5,000-word
 * output cannot stall the view: past the cap everything is shown as plain text.
 */
export const MAX_DIFF_WORDS = 3000;

export function wordDiff(
  base: string,
  other: string,
): { base: DiffSegment[]; other: DiffSegment[] } {
  const a = splitWords(base);
  const b = splitWords(other);
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) {
    return { base: [{ text: base, kind: 'same' }], other: [{ text: other, kind: 'same' }] };
  }
  const keysA = a.map((w) => w.key);
  const keysB = b.map((w) => w.key);
  const t = lcsTable(keysA, keysB);
  const width = t.cols + 1;
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (keysA[i - 1] === keysB[j - 1]) {
      inA[i - 1] = true;
      inB[j - 1] = true;
      i--;
      j--;
    } else if ((t.cells[i * width + j - 1] as number) > (t.cells[(i - 1) * width + j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  const segments = (words: { raw: string; key: string }[], shared: boolean[]): DiffSegment[] => {
    const out: DiffSegment[] = [];
    words.forEach((w, k) => {
      // Whitespace-only and punctuation-only pieces never count as a difference.
      const kind = shared[k] || w.key === '' ? 'same' : 'changed';
      const last = out.at(-1);
      if (last && last.kind === kind) last.text += w.raw;
      else out.push({ text: w.raw, kind });
    });
    return out;
  };
  return { base: segments(a, inA), other: segments(b, inB) };
}
