import { describe, expect, it } from 'vitest';
import { porterStem } from './porterStemmer';

/**
 * Expected stems were produced by NLTK's `PorterStemmer().stem(word)` (default mode), not by
 * this implementation. They cover every step, each NLTK extension and the irregular pool.
 */
const NLTK_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['skies', 'sky'],
  ['sky', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['outings', 'outing'],
  ['cannings', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
  ['dies', 'die'],
  ['ties', 'tie'],
  ['flies', 'fli'],
  ['died', 'die'],
  ['spied', 'spi'],
  ['cried', 'cri'],
  ['owed', 'owe'],
  ['agreed', 'agre'],
  ['feed', 'feed'],
  ['bled', 'bled'],
  ['hopping', 'hop'],
  ['falling', 'fall'],
  ['hissing', 'hiss'],
  ['fizzing', 'fizz'],
  ['filing', 'file'],
  ['failing', 'fail'],
  ['happy', 'happi'],
  ['enjoy', 'enjoy'],
  ['spy', 'spi'],
  ['fly', 'fli'],
  ['generalization', 'gener'],
  ['formally', 'formal'],
  ['electrically', 'electr'],
  ['geology', 'geolog'],
  ['theology', 'theolog'],
  ['archaeology', 'archaeolog'],
  ['hopefulli', 'hope'],
  ['hopefulness', 'hope'],
  ['roll', 'roll'],
  ['controll', 'control'],
  ['sensibility', 'sensibl'],
  ['ability', 'abil'],
  ['rational', 'ration'],
  ['operational', 'oper'],
  ['conditional', 'condit'],
  ['caresses', 'caress'],
  ['ponies', 'poni'],
  ['cats', 'cat'],
  ['plastered', 'plaster'],
  ['motoring', 'motor'],
  ['sing', 'sing'],
  ['conflated', 'conflat'],
  ['troubled', 'troubl'],
  ['sized', 'size'],
  ['tanned', 'tan'],
  ['relational', 'relat'],
  ['valenci', 'valenc'],
  ['hesitanci', 'hesit'],
  ['digitizer', 'digit'],
  ['conformabli', 'conform'],
  ['radicalli', 'radic'],
  ['differentli', 'differ'],
  ['vileli', 'vile'],
  ['analogousli', 'analog'],
  ['vietnamization', 'vietnam'],
  ['predication', 'predic'],
  ['operator', 'oper'],
  ['feudalism', 'feudal'],
  ['decisiveness', 'decis'],
  ['callousness', 'callous'],
  ['formaliti', 'formal'],
  ['sensitiviti', 'sensit'],
  ['sensibiliti', 'sensibl'],
  ['triplicate', 'triplic'],
  ['formative', 'form'],
  ['formalize', 'formal'],
  ['electriciti', 'electr'],
  ['electrical', 'electr'],
  ['hopeful', 'hope'],
  ['goodness', 'good'],
  ['revival', 'reviv'],
  ['allowance', 'allow'],
  ['inference', 'infer'],
  ['airliner', 'airlin'],
  ['gyroscopic', 'gyroscop'],
  ['adjustable', 'adjust'],
  ['defensible', 'defens'],
  ['irritant', 'irrit'],
  ['replacement', 'replac'],
  ['adjustment', 'adjust'],
  ['dependent', 'depend'],
  ['adoption', 'adopt'],
  ['homologou', 'homolog'],
  ['communism', 'commun'],
  ['activate', 'activ'],
  ['angulariti', 'angular'],
  ['homologous', 'homolog'],
  ['effective', 'effect'],
  ['bowdlerize', 'bowdler'],
  ['probate', 'probat'],
  ['rate', 'rate'],
  ['cease', 'ceas'],
  ['generously', 'gener'],
];

describe('porterStem matches NLTK PorterStemmer (NLTK_EXTENSIONS)', () => {
  it.each(NLTK_STEMS)('%s -> %s', (word, expected) => {
    expect(porterStem(word)).toBe(expected);
  });

  it('leaves words of one or two letters alone', () => {
    expect(porterStem('as')).toBe('as');
    expect(porterStem('is')).toBe('is');
  });

  it('lowercases its input', () => {
    expect(porterStem('Running')).toBe('run');
  });

  it('leaves digit tokens unchanged', () => {
    expect(porterStem('2024')).toBe('2024');
  });
});
