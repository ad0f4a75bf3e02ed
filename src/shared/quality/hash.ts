/**
 * FNV-1a, 32 bit: a small, stable, dependency-free hash (not for security). Used to seed the
 * blind order per paragraph and to notice that a stored ROUGE score's target text has changed.
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hex of the hash plus the length, which makes an accidental collision on an edit rarer still. */
export const textFingerprint = (text: string): string =>
  `${fnv1a32(text).toString(16).padStart(8, '0')}:${text.length}`;
