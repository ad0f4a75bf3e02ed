import { porterStem } from './porterStemmer';

/**
 * Tokenization identical to rouge-score's `tokenize.tokenize`: scores are only comparable with
 * published ROUGE figures if the token streams are the same, so non-ASCII letters are dropped
 * (and can split words) exactly as the Python package does.
 */

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Below this length rouge-score leaves tokens unstemmed (so "was" does not become "wa"). */
const MIN_STEM_LENGTH = 4;

export interface RougeTokenizeOptions {
  readonly stem: boolean;
}

export function tokenizeForRouge(text: string, options: RougeTokenizeOptions): string[] {
  const words = text
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (!options.stem) return words;
  return words
    .map((w) => (w.length >= MIN_STEM_LENGTH ? porterStem(w) : w))
    .filter((w) => /^[a-z0-9]+$/.test(w));
}

/**
 * rougeLsum's sentence split: newline only (`\r` stays inside a sentence and is later removed
 * by the tokenizer), empty lines dropped. A line of punctuation only is kept as a sentence with
 * no tokens, as rouge-score does.
 */
export function splitSummarySentences(text: string): string[] {
  return text.split('\n').filter((s) => s.length > 0);
}
