/**
 * The letter-pattern tests Porter's rules are conditioned on: consonant/vowel classification,
 * the measure m, and the *v*, *d and *o conditions, with NLTK's variant of *o.
 */

const isVowelLetter = (ch: string | undefined): boolean =>
  ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';

/** `y` is a consonant at the start of a word or after a vowel, a vowel after a consonant. */
export function isConsonant(word: string, i: number): boolean {
  const ch = word[i];
  if (isVowelLetter(ch)) return false;
  if (ch === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-run → consonant-run transitions in [C](VC)^m[V]. */
export function measure(stem: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && prevVowel) m++;
    prevVowel = !consonant;
  }
  return m;
}

export function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

export function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Porter's *o condition: consonant-vowel-consonant, last not w/x/y. */
export function endsCvc(word: string): boolean {
  const n = word.length;
  const classic =
    n >= 3 &&
    isConsonant(word, n - 3) &&
    !isConsonant(word, n - 2) &&
    isConsonant(word, n - 1) &&
    !['w', 'x', 'y'].includes(word[n - 1] as string);
  // NLTK: a two-letter vowel-consonant stem also counts, so that e.g. "owed" -> "owe".
  const nltkShort = n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  return classic || nltkShort;
}
