import { describe, expect, it } from 'vitest';
import { tabulateScores, type ScoreRow } from './scoreTable';

const row = (over: Partial<ScoreRow>): ScoreRow => ({
  paragraphId: 'p1',
  modelId: 'T',
  runId: 'r',
  source: 'rouge',
  metric: 'rougeL@reference',
  value: 0.5,
  createdBy: null,
  promptId: null,
  ...over,
});

describe('tabulateScores', () => {
  it('aligns values by paragraph and averages repeats of one paragraph', () => {
    const { values } = tabulateScores(
      [
        row({ paragraphId: 'p2', value: 0.2 }),
        row({ paragraphId: 'p2', value: 0.4 }),
        row({ paragraphId: 'p1', modelId: 'S', value: 0.9 }),
        row({ paragraphId: 'gone', value: 1 }),
        row({ paragraphId: 'p1', value: null }),
      ],
      ['p1', 'p2', 'p3'],
      ['T', 'S'],
    );
    expect(values['rougeL@reference'].T).toEqual([null, expect.closeTo(0.3, 12), null]);
    expect(values['rougeL@reference'].S).toEqual([0.9, null, null]);
    expect(values['rouge1@teacher'].S).toEqual([null, null, null]);
  });

  it('derives the overall judge score only where all four criteria exist', () => {
    const judge = (paragraphId: string, metric: string, value: number) =>
      row({ paragraphId, metric, value, source: 'judge' });
    const { values } = tabulateScores(
      [
        judge('p1', 'judge.faithfulness', 5),
        judge('p1', 'judge.coverage', 4),
        judge('p1', 'judge.conciseness', 3),
        judge('p1', 'judge.fluency', 4),
        judge('p2', 'judge.faithfulness', 5),
      ],
      ['p1', 'p2'],
      ['T'],
    );
    expect(values['judge.overall'].T).toEqual([4, null]);
  });

  it('averages ratings over raters and reads preferences back as verdicts', () => {
    const { values, preferences } = tabulateScores(
      [
        row({ source: 'human', metric: 'human.rating', value: 4, createdBy: 'ana' }),
        row({ source: 'human', metric: 'human.rating', value: 2, createdBy: 'bo' }),
        row({ source: 'human', metric: 'human.preference', modelId: 'S', value: 1 }),
        row({ source: 'human', metric: 'human.preference', modelId: 'S', value: 0 }),
        row({
          paragraphId: 'p2',
          source: 'judge',
          metric: 'judge.pairwise',
          modelId: 'S',
          value: 0,
        }),
      ],
      ['p1', 'p2'],
      ['T', 'S'],
    );
    expect(values['human.rating'].T).toEqual([3, null]);
    expect(preferences.human.S).toEqual(['tie', null]);
    expect(preferences.judge.S).toEqual([null, 'teacher']);
  });
});
