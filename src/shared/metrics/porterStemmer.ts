/**
 * Porter stemmer, matching NLTK 3.8's `PorterStemmer()` in its default NLTK_EXTENSIONS mode.
 *
 * Google's rouge-score stems with exactly this variant, so ROUGE-with-stemming figures are only
 * comparable to published ones if every departure from Porter's 1980 paper that NLTK makes is
 * reproduced here too. Each such departure is marked "NLTK:" below.
 *
 * Input is expected to be lowercase ASCII (rouge tokens are `[a-z0-9]+`); other text is
 * lowercased first, as NLTK does.
 */

import {
  containsVowel,
  endsCvc,
  endsDoubleConsonant,
  isConsonant,
  measure,
} from './porterWordShape';

/** NLTK: irregular forms that bypass the algorithm entirely. */
const IRREGULAR_FORMS: Readonly<Record<string, readonly string[]>> = {
  sky: ['sky', 'skies'],
  die: ['dying'],
  lie: ['lying'],
  tie: ['tying'],
  news: ['news'],
  inning: ['innings', 'inning'],
  outing: ['outings', 'outing'],
  canning: ['cannings', 'canning'],
  howe: ['howe'],
  proceed: ['proceed'],
  exceed: ['exceed'],
  succeed: ['succeed'],
};

const POOL: ReadonlyMap<string, string> = new Map(
  Object.entries(IRREGULAR_FORMS).flatMap(([stem, forms]) =>
    forms.map((form): [string, string] => [form, stem]),
  ),
);

type Condition = ((stem: string) => boolean) | null;

/** `suffix === DOUBLE` stands for Porter's *d (any double consonant). */
const DOUBLE = Symbol('double consonant');

interface Rule {
  readonly suffix: string | typeof DOUBLE;
  readonly replacement: string;
  readonly condition: Condition;
}

const rule = (suffix: string | typeof DOUBLE, replacement: string, condition: Condition): Rule => ({
  suffix,
  replacement,
  condition,
});

/**
 * Applies the first rule whose suffix matches. When that rule's condition fails, the word is
 * returned unchanged and later rules are NOT tried: this is how Porter's original C code (a
 * `switch` that `break`s on the first matching suffix) behaves, and NLTK keeps it.
 */
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const r of rules) {
    let stem: string | null = null;
    if (r.suffix === DOUBLE) {
      if (endsDoubleConsonant(word)) stem = word.slice(0, -2);
    } else if (word.endsWith(r.suffix)) {
      stem = word.slice(0, word.length - r.suffix.length);
    }
    if (stem === null) continue;
    return r.condition === null || r.condition(stem) ? stem + r.replacement : word;
  }
  return word;
}

const positiveMeasure = (stem: string): boolean => measure(stem) > 0;
const measureAboveOne = (stem: string): boolean => measure(stem) > 1;

/** Builds rules that share one condition from [suffix, replacement] pairs. */
const rulesWith = (condition: Condition, pairs: readonly (readonly [string, string])[]): Rule[] =>
  pairs.map(([suffix, replacement]) => rule(suffix, replacement, condition));

const STEP1A_RULES = rulesWith(null, [
  ['sses', 'ss'],
  ['ies', 'i'],
  ['ss', 'ss'],
  ['s', ''],
]);

function step1a(word: string): string {
  // NLTK: four-letter "-ies" keeps its e ("dies" -> "die", "ties" -> "tie"), unlike "flies".
  if (word.length === 4 && word.endsWith('ies')) return word.slice(0, -3) + 'ie';
  return applyRules(word, STEP1A_RULES);
}

function step1b(word: string): string {
  // NLTK: "-ied" handled up front ("died" -> "die", "spied" -> "spi").
  if (word.endsWith('ied')) return word.slice(0, -3) + (word.length === 4 ? 'ie' : 'i');

  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }

  let stem: string | null = null;
  for (const suffix of ['ed', 'ing']) {
    if (word.endsWith(suffix)) {
      const candidate = word.slice(0, -suffix.length);
      if (containsVowel(candidate)) {
        stem = candidate;
        break;
      }
    }
  }
  if (stem === null) return word;

  const last = stem[stem.length - 1] ?? '';
  return applyRules(stem, [
    rule('at', 'ate', null),
    rule('bl', 'ble', null),
    rule('iz', 'ize', null),
    rule(DOUBLE, last, () => !['l', 's', 'z'].includes(last)),
    rule('', 'e', (s) => measure(s) === 1 && endsCvc(s)),
  ]);
}

function step1c(word: string): string {
  // NLTK: y -> i only after a consonant that is not the whole stem ("happy" -> "happi",
  // "enjoy" stays, "by" stays), instead of Porter's "stem contains a vowel".
  return applyRules(word, [
    rule('y', 'i', (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1)),
  ]);
}

const STEP2_RULES = rulesWith(positiveMeasure, [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  // NLTK: "bli" -> "ble" (Porter's later correction) instead of the paper's "abli" -> "able".
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  // NLTK extension.
  ['fulli', 'ful'],
]);

function step2(word: string): string {
  // NLTK: "alli" -> "al" is tried first and the result goes through step 2 again.
  if (word.endsWith('alli') && positiveMeasure(word.slice(0, -4))) {
    return step2(word.slice(0, -4) + 'al');
  }
  return applyRules(word, [
    ...STEP2_RULES,
    // NLTK: the measure includes the "l", so short stems such as "geo-" and "theo-" qualify.
    rule('logi', 'log', () => positiveMeasure(word.slice(0, -3))),
  ]);
}

const STEP3_RULES = rulesWith(positiveMeasure, [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

const step3 = (word: string): string => applyRules(word, STEP3_RULES);

// Order matters only where suffixes nest ("ement" before "ment" before "ent").
const STEP4_RULES: readonly Rule[] = [
  ...rulesWith(
    measureAboveOne,
    ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent'].map(
      (suffix) => [suffix, ''] as const,
    ),
  ),
  rule('ion', '', (s) => measure(s) > 1 && (s.endsWith('s') || s.endsWith('t'))),
  ...rulesWith(
    measureAboveOne,
    ['ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'].map((suffix) => [suffix, ''] as const),
  ),
];

const step4 = (word: string): string => applyRules(word, STEP4_RULES);

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  // The measure is taken on the word minus one "l", as in Porter's reference code.
  return applyRules(word, [rule('ll', 'l', () => measure(word.slice(0, -1)) > 1)]);
}

/** Stems one word the way NLTK 3.8's `PorterStemmer().stem(word)` does. */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  // NLTK looks the pool up and checks the length on the word as given, before lowercasing.
  const irregular = POOL.get(word);
  if (irregular !== undefined) return irregular;
  // NLTK: words of one or two letters are returned as they are.
  if (word.length <= 2) return lower;

  let w = lower;
  w = step1a(w);
  w = step1b(w);
  w = step1c(w);
  w = step2(w);
  w = step3(w);
  w = step4(w);
  w = step5a(w);
  w = step5b(w);
  return w;
}
