import { describe, expect, it } from 'vitest';
import { bootstrapColumnMeans } from './columnMeans';
import { createRng } from './random';

/** The textbook loop: draw a row, add every column's value at it, in draw order. */
function drawOrderMeans(columns: number[][], resamples: number, seed: number): number[][] {
  const n = columns[0]!.length;
  const rng = createRng(seed);
  const out = columns.map(() => [] as number[]);
  for (let b = 0; b < resamples; b++) {
    const totals = columns.map(() => 0);
    for (let k = 0; k < n; k++) {
      const row = rng.nextInt(n);
      columns.forEach((c, i) => (totals[i]! += c[row]!));
    }
    totals.forEach((t, i) => out[i]!.push(t / n));
  }
  return out;
}

const data = createRng(77);
const scores = (n: number) => Array.from({ length: n }, () => data.nextFloat());
const zeroOne = (n: number) => Array.from({ length: n }, () => (data.nextFloat() < 0.3 ? 1 : 0));

describe('bootstrapColumnMeans', () => {
  it('equals adding each column in draw order, bit for bit, for scores and 0/1 columns alike', () => {
    // Eleven score columns cross the eight-column block, and 0/1 columns take the counting path.
    const columns = [...Array.from({ length: 11 }, () => scores(257)), zeroOne(257), zeroOne(257)];
    const got = bootstrapColumnMeans(columns, 300, 12345);
    const want = drawOrderMeans(columns, 300, 12345);
    got.forEach((dist, c) => expect(dist).toStrictEqual(want[c]));
  });

  it('gives a column the same distribution whatever columns share its pass', () => {
    const a = scores(101);
    const failures = zeroOne(101);
    const alone = bootstrapColumnMeans([a], 500, 9)[0];
    const together = bootstrapColumnMeans([scores(101), failures, a, scores(101)], 500, 9);
    expect(together[2]).toStrictEqual(alone);
    expect(together[1]).toStrictEqual(bootstrapColumnMeans([failures], 500, 9)[0]);
  });

  it('refuses columns of different lengths and an empty one', () => {
    expect(() => bootstrapColumnMeans([[1, 2], [1]], 10, 1)).toThrow(/differ in length/);
    expect(() => bootstrapColumnMeans([[]], 10, 1)).toThrow(/at least one row/);
  });
});
