import { describe, expect, it } from 'vitest';
import { SEED_STUDY_PRICES } from '../pricing/seedStudyPrices';
import { fraction, tokens, usd, usdPer1k } from '../units';
import { costPerRequestUsd, withBatchShareUsd } from './perRequest';

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('seed study check (docs/roi-model.md §6)', () => {
  const { student, teacher } = SEED_STUDY_PRICES;
  const cS = costPerRequestUsd(
    tokens(69),
    tokens(73),
    student.inputUsdPer1k,
    student.outputUsdPer1k,
  );
  const cT = costPerRequestUsd(
    tokens(69),
    tokens(82),
    teacher.inputUsdPer1k,
    teacher.outputUsdPer1k,
  );

  it('prices one 8B request at $0.0000714 and one 70B request at $0.00046985', () => {
    // 69 × 0.0004 + 73 × 0.0006 = 0.0714 per thousand; 69 × 0.00265 + 82 × 0.0035 = 0.46985.
    expect(rel(cS, 0.0000714)).toBeLessThan(1e-12);
    expect(rel(cT, 0.00046985)).toBeLessThan(1e-12);
  });

  it('makes the teacher 6.58× the student', () => {
    expect((cT / cS).toFixed(2)).toBe('6.58');
  });

  it("uses today's $0.0003 input price when given it", () => {
    const today = costPerRequestUsd(
      tokens(69),
      tokens(73),
      usdPer1k(0.0003),
      student.outputUsdPer1k,
    );
    expect(rel(today, (69 * 0.0003 + 73 * 0.0006) / 1000)).toBeLessThan(1e-12);
  });
});

describe('withBatchShareUsd', () => {
  it('is c · (1 − β + β · b)', () => {
    expect(withBatchShareUsd(usd(0.01), fraction(0), 0.5)).toBe(0.01);
    expect(withBatchShareUsd(usd(0.01), fraction(1), 0.5)).toBe(0.005);
    expect(rel(withBatchShareUsd(usd(0.01), fraction(0.4), 0.5), 0.01 * 0.8)).toBeLessThan(1e-12);
    // A multiplier of 1 (batch at on-demand price, as an older AWS page said) changes nothing.
    expect(withBatchShareUsd(usd(0.01), fraction(0.7), 1)).toBeCloseTo(0.01, 15);
  });
});
