import { describe, expect, it } from 'vitest';
import { createRng, pickOne, sampleTriangular, triangularQuantile } from './random';

describe('createRng', () => {
  it('reproduces the reference xoshiro128** stream seeded by splitmix32', () => {
    // Expected words come from the C reference implementation (Blackman & Vigna) compiled
    // with a splitmix32 seeder, not from this code.
    const expected: Record<number, number[]> = {
      0: [3809008728, 1133695204, 53579671, 2891528803, 139681546],
      42: [2837322924, 544945897, 479756282, 3500138142, 339756180],
      123456789: [4284103975, 1001954530, 2701803082, 2658065534, 3104308804],
    };
    for (const [seed, words] of Object.entries(expected)) {
      const rng = createRng(Number(seed));
      expect(words.map(() => rng.nextUint32())).toEqual(words);
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.nextFloat());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps nextFloat in [0, 1)', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 10_000 }, () => rng.nextFloat());
    expect(draws.filter((x) => !(x >= 0 && x < 1))).toEqual([]);
  });

  it('spreads nextInt evenly over [0, n)', () => {
    const rng = createRng(3);
    const n = 7;
    const draws = 70_000;
    const counts = new Array<number>(n).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < draws; i++) {
      const k = rng.nextInt(n);
      if (!Number.isInteger(k) || k < 0 || k >= n) outOfRange++;
      else counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(outOfRange).toBe(0);
    // Expected 10,000 each; a binomial sd is ~93, so ±500 is over 5 sd.
    for (const c of counts) expect(Math.abs(c - draws / n)).toBeLessThan(500);
  });

  it('draws nextInt exactly as rejection sampling on the raw stream defines it', () => {
    // The reference: reject words in the incomplete top block, then x % n. nextInt caches the
    // bound and avoids the float remainder; its draws must still be these, n after n.
    const sizes = [1, 2, 7, 10_000, 2 ** 31 - 1, 2 ** 31, 3_000_000_019, 2 ** 32];
    const fast = createRng(99);
    const raw = createRng(99);
    for (let i = 0; i < 4000; i++) {
      const n = sizes[i % sizes.length] as number;
      const limit = 2 ** 32 - (2 ** 32 % n);
      let x = raw.nextUint32();
      while (x >= limit) x = raw.nextUint32();
      expect(fast.nextInt(n)).toBe(x % n);
    }
  });

  it('checks n on every change of n, not only the first', () => {
    const rng = createRng(1);
    expect(rng.nextInt(5)).toBeLessThan(5);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
    expect(() => rng.nextInt(Number.NaN)).toThrow(RangeError);
    expect(() => rng.nextInt(2 ** 32 + 1)).toThrow(RangeError);
    expect(rng.nextInt(5)).toBeLessThan(5);
  });

  it('rejects invalid arguments', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(1).nextInt(0)).toThrow(RangeError);
    expect(() => createRng(1).nextInt(2.5)).toThrow(RangeError);
    expect(() => pickOne(createRng(1), [])).toThrow(RangeError);
  });
});

describe('triangular sampling', () => {
  it('inverts the triangular CDF', () => {
    // Triangular(0, 1, 2): F(x) = x²/2 below the mode, so F⁻¹(0.125) = 0.5.
    expect(triangularQuantile(0.125, 0, 1, 2)).toBeCloseTo(0.5, 12);
    expect(triangularQuantile(0.5, 0, 1, 2)).toBeCloseTo(1, 12);
    expect(triangularQuantile(0.875, 0, 1, 2)).toBeCloseTo(1.5, 12);
    expect(triangularQuantile(0, 10, 20, 50)).toBe(10);
    // Degenerate range: all mass on one point.
    expect(triangularQuantile(0.3, 5, 5, 5)).toBe(5);
    expect(() => triangularQuantile(0.5, 3, 1, 2)).toThrow(RangeError);
  });

  it('has the mean (min + mode + max) / 3 and stays in range', () => {
    const rng = createRng(11);
    const draws = Array.from({ length: 50_000 }, () => sampleTriangular(rng, 1000, 4000, 10000));
    const avg = draws.reduce((a, b) => a + b, 0) / draws.length;
    // True mean 5000, sd ≈ 1856, so the standard error is ≈ 8.3; allow 5 SE.
    expect(Math.abs(avg - 5000)).toBeLessThan(42);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(10000);
  });
});
