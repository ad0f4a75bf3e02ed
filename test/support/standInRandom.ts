/**
 * Seeded randomness for fault plans and jitter. Each draw is a pure function of the seed and
 * a key (model id, prompt, how many times that prompt was seen, purpose) rather than of a
 * shared sequence, so concurrent requests arriving in a different order still get the same
 * faults: a benchmark rerun with the same seed sees the same failures on the same prompts.
 */

/** FNV-1a over UTF-16 code units, 32-bit. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32 finaliser: spreads the hash's bits so nearby keys give unrelated numbers. */
function mix(a: number): number {
  let t = (a + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A number in [0, 1) determined by the seed and the key parts. */
export function seededUniform(seed: number, ...key: (string | number)[]): number {
  return mix(fnv1a(key.join('\u0000'), seed >>> 0));
}
