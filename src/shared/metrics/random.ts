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

/**
 * Creates a deterministic generator. Any finite number is accepted as a seed; non-integers are
 * truncated so that a seed typed into a form as "42.0" behaves like 42.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  const init = splitmix32(Math.trunc(seed));
  // State and output live in typed arrays: 32-bit words above the small-integer range, held in
  // closure variables or returned from a call, were boxed on every step (30+ ns a draw). The bit
  // operations are the reference's, so the stream is unchanged.
  const st = new Int32Array([init(), init(), init(), init()]);
  if ((st[0]! | st[1]! | st[2]! | st[3]!) === 0) st[0] = 1;
  const out = new Uint32Array(1);

  /** Advances the state and leaves the next 32-bit output in out[0]. */
  const step = (): void => {
    const s1 = st[1] as number;
    const m = Math.imul(s1, 5);
    out[0] = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    st[2] = (st[2] as number) ^ (st[0] as number);
    st[3] = (st[3] as number) ^ s1;
    st[1] = s1 ^ (st[2] as number);
    st[0] = (st[0] as number) ^ (st[3] as number);
    st[2] = (st[2] as number) ^ t;
    const s3 = st[3] as number;
    st[3] = (s3 << 11) | (s3 >>> 21);
  };

  const nextUint32 = (): number => {
    step();
    return out[0] as number;
  };

  const nextFloat = (): number => nextUint32() / TWO_POW_32;

  // The bound of the last n, so a bootstrap drawing millions of indices in [0, n) checks n and
  // works out its rejection limit once, not per draw (the stream is unchanged).
  // −1 matches no argument, so the first call (and any invalid n, which is never cached) is
  // always checked; 0 would let nextInt(0) skip the check and spin forever.
  let lastN = -1;
  let lastLimit = 0;
  const nextInt = (n: number): number => {
    if (n !== lastN) {
      if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
        throw new RangeError(`nextInt needs an integer in [1, 2^32], got ${n}`);
      }
      lastN = n;
      // Rejection sampling: draws in the incomplete top block would favour small values.
      lastLimit = TWO_POW_32 - (TWO_POW_32 % n);
    }
    step();
    while ((out[0] as number) >= lastLimit) step();
    const x = out[0] as number;
    // x % n without a floating-point remainder (slow): x / n is at least 1/x below the next
    // integer, far more than a double's rounding at x < 2^32, so the floor is exact.
    return x - Math.floor(x / n) * n;
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
