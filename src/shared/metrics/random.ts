/**
 * Seeded pseudo-random numbers for the bootstrap and the ROI Monte Carlo.
 *
 * `Math.random` cannot be seeded, and every interval the app shows must be reproducible from a
 * seed (a report re-rendered tomorrow must show the same CI). xoshiro128** is small, fast,
 * passes BigCrush, and needs only 32-bit integer arithmetic, which JavaScript does exactly via
 * `Math.imul` and `>>> 0`.
 */

export interface Rng {
  /** Uniform float in [0, 1), 32 bits of resolution. */
  nextFloat(): number;
  /** Uniform integer in [0, n), without modulo bias. `n` must be a positive integer ≤ 2^32. */
  nextInt(n: number): number;
  /** Raw 32-bit unsigned output. */
  nextUint32(): number;
}

const TWO_POW_32 = 4294967296;

/**
 * Expands a single seed into the 128-bit xoshiro state. splitmix32 is used because xoshiro must
 * not start from an all-zero state and nearby seeds (1, 2, 3…) must give unrelated streams.
 */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * Creates a deterministic generator. Any finite number is accepted as a seed; non-integers are
 * truncated so that a seed typed into a form as "42.0" behaves like 42.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  const init = splitmix32(Math.trunc(seed));
  let s0 = init();
  let s1 = init();
  let s2 = init();
  let s3 = init();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };

  const nextFloat = (): number => nextUint32() / TWO_POW_32;

  const nextInt = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
      throw new RangeError(`nextInt needs an integer in [1, 2^32], got ${n}`);
    }
    // Rejection sampling: draws falling in the incomplete top block would favour small values.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = nextUint32();
    while (x >= limit) x = nextUint32();
    return x % n;
  };

  return { nextFloat, nextInt, nextUint32 };
}

/**
 * Inverse-CDF of the triangular distribution for a uniform `u` in [0, 1). Exposed separately so
 * callers can feed stratified or antithetic uniforms instead of raw draws.
 */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  if (!(min <= mode && mode <= max)) {
    throw new RangeError(`triangular needs min ≤ mode ≤ max, got ${min}, ${mode}, ${max}`);
  }
  const width = max - min;
  if (width === 0) return min;
  const split = (mode - min) / width;
  if (u < split) return min + Math.sqrt(u * width * (mode - min));
  return max - Math.sqrt((1 - u) * width * (max - mode));
}

/** One draw from Triangular(min, mode, max). */
export function sampleTriangular(rng: Rng, min: number, mode: number, max: number): number {
  return triangularQuantile(rng.nextFloat(), min, mode, max);
}

/** Uniform draw in [min, max). */
export function sampleUniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.nextFloat();
}

/** Picks one element uniformly; throws on an empty array because there is nothing to return. */
export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pickOne on an empty array');
  return items[rng.nextInt(items.length)] as T;
}
