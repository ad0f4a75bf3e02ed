import { describe, expect, it } from 'vitest';
import { fraction, usdPerMonth } from '../units';
import { recommendStudents, type StudentCandidate } from './recommend';

const candidate = (
  displayName: string,
  failureShare: number,
  saving: number,
): StudentCandidate => ({
  modelId: displayName.toLowerCase().replace(/ /g, '-'),
  displayName,
  failureShare: fraction(failureShare),
  monthlySavingUsd: usdPerMonth(saving),
});

const bar = { maxFailureShare: fraction(0.05) };

describe('recommendStudents', () => {
  it('ranks students within the bar by saving and says why the first wins', () => {
    const r = recommendStudents(
      [
        candidate('Nova Micro', 0.08, 9000),
        candidate('Nova Lite', 0.04, 7000),
        candidate('Llama 3.1 8B', 0.05, 7500),
      ],
      bar,
    );
    expect(r.ranked.map((c) => c.displayName)).toEqual(['Llama 3.1 8B', 'Nova Lite']);
    expect(r.excluded.map((c) => c.displayName)).toEqual(['Nova Micro']);
    expect(r.winner?.displayName).toBe('Llama 3.1 8B');
    expect(r.reason).toBe(
      'Llama 3.1 8B saves the most, $7,500 a month, $500.00 more than Nova Lite, while failing 5.0% of outputs against a bar of 5.0%.',
    );
  });

  it('breaks a tie in saving by the lower failure share', () => {
    const r = recommendStudents([candidate('A', 0.04, 100), candidate('B', 0.01, 100)], bar);
    expect(r.ranked.map((c) => c.displayName)).toEqual(['B', 'A']);
  });

  it('says none qualifies and names the closest when all miss the bar', () => {
    const r = recommendStudents([candidate('A', 0.09, 100), candidate('B', 0.07, 50)], bar);
    expect(r.winner).toBeNull();
    expect(r.reason).toBe(
      'None of the 2 students keeps its failure share within 5.0%; the closest, B, fails 7.0%.',
    );
  });

  it('picks nobody when the best student within the bar saves nothing', () => {
    const r = recommendStudents([candidate('A', 0.01, -250)], bar);
    expect(r.winner).toBeNull();
    expect(r.ranked).toHaveLength(1);
    expect(r.reason).toMatch(/saves -\$250\.00 a month, so none pays off/);
  });

  it('copes with no candidates', () => {
    expect(recommendStudents([], bar).reason).toBe('There are no students to compare.');
  });
});
