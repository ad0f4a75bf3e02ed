import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUGE_TYPES, rougeLsum, scoreRouge, type RougeScores } from './rouge';
import { tokenizeForRouge } from './rougeTokenizer';

interface FixtureRow {
  id: number;
  reference: string;
  candidate: string;
  stemmed: RougeScores;
  unstemmed: RougeScores;
}

// Values produced by Python rouge-score 0.1.2 (test/fixtures/README.md says how).
const FIXTURE = new URL('../../../test/fixtures/rouge-reference.jsonl', import.meta.url);
const rows: FixtureRow[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as FixtureRow);

describe('scoreRouge against rouge-score 0.1.2 reference values', () => {
  it('loads all 40 fixture pairs', () => {
    expect(rows).toHaveLength(40);
  });

  for (const stem of [true, false]) {
    describe(stem ? 'stemmed' : 'unstemmed', () => {
      it.each(rows.map((r) => [r.id, r] as const))('pair %i', (_id, row) => {
        const expected = stem ? row.stemmed : row.unstemmed;
        const actual = scoreRouge(row.reference, row.candidate, { stem });
        for (const type of ROUGE_TYPES) {
          for (const field of ['precision', 'recall', 'fmeasure'] as const) {
            // Same operation order as rouge-score, so the doubles must match exactly.
            expect(actual[type][field], `${type}.${field}`).toBe(expected[type][field]);
          }
        }
      });
    });
  }
});

describe('tokenizeForRouge', () => {
  it('drops non-ASCII letters, which can split words', () => {
    expect(tokenizeForRouge('Café naïve', { stem: false })).toEqual(['caf', 'na', 've']);
  });

  it('stems only tokens longer than three characters', () => {
    // "was" would stem to "wa" and "running" to "run" if both were stemmed.
    expect(tokenizeForRouge('was running', { stem: true })).toEqual(['was', 'run']);
  });
});

describe('rougeLsum', () => {
  it('does not credit one candidate token against two reference sentences', () => {
    // Both reference sentences contain "a"; the candidate has it once, so only one hit.
    const s = rougeLsum([['a'], ['a']], [['a']]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
  });

  it('is zero when either side has no tokens', () => {
    expect(rougeLsum([['x']], [[]])).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });
});
