import { describe, expect, it } from 'vitest';
import { criterionScores, parsePairwiseAnswer, parseScoreAnswer } from './judgeAnswer';

const VALID =
  '{"faithfulness": 5, "coverage": 4, "conciseness": 3, "fluency": 5, "reason": "Accurate."}';

describe('parseScoreAnswer', () => {
  it('accepts exactly the asked-for object, with or without surrounding whitespace', () => {
    const r = parseScoreAnswer(`\n  ${VALID}  \n`);
    expect(r).toEqual({
      ok: true,
      value: { faithfulness: 5, coverage: 4, conciseness: 3, fluency: 5, reason: 'Accurate.' },
    });
    if (r.ok)
      expect(criterionScores(r.value)).toEqual([
        ['faithfulness', 5],
        ['coverage', 4],
        ['conciseness', 3],
        ['fluency', 5],
      ]);
  });

  it('accepts one fenced JSON block and nothing around it', () => {
    expect(parseScoreAnswer('```json\n' + VALID + '\n```').ok).toBe(true);
    expect(parseScoreAnswer('Here you go:\n```json\n' + VALID + '\n```').ok).toBe(false);
  });

  it.each([
    ['prose around the JSON', `Sure! ${VALID}`],
    ['a score above 5', VALID.replace('"coverage": 4', '"coverage": 6')],
    ['a score of 0', VALID.replace('"coverage": 4', '"coverage": 0')],
    ['a fractional score', VALID.replace('"coverage": 4', '"coverage": 3.5')],
    ['a score as a string', VALID.replace('"coverage": 4', '"coverage": "4"')],
    ['a missing criterion', VALID.replace('"fluency": 5, ', '')],
    ['an extra field', VALID.replace('"reason"', '"overall": 4, "reason"')],
    ['an empty reason', VALID.replace('"Accurate."', '"  "')],
    ['an array', `[${VALID}]`],
    ['truncated JSON', VALID.slice(0, 40)],
    ['nothing', '   '],
  ])('refuses %s', (_what, text) => {
    const r = parseScoreAnswer(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.length).toBeGreaterThan(0);
  });

  it('says which field is wrong', () => {
    const r = parseScoreAnswer(VALID.replace('"coverage": 4', '"coverage": 9'));
    expect(r).toMatchObject({ ok: false, problem: expect.stringContaining('coverage') });
  });
});

describe('parsePairwiseAnswer', () => {
  it.each(['A', 'B', 'tie'] as const)('accepts preferred = %s', (p) => {
    expect(parsePairwiseAnswer(`{"preferred": "${p}", "reason": "x"}`)).toEqual({
      ok: true,
      value: { preferred: p, reason: 'x' },
    });
  });

  it.each(['"a"', '"both"', '1', 'null'])('refuses preferred = %s', (p) => {
    expect(parsePairwiseAnswer(`{"preferred": ${p}, "reason": "x"}`).ok).toBe(false);
  });
});
