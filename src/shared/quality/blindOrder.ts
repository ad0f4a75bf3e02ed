import { createRng } from '../metrics';
import { fnv1a32 } from './hash';

/**
 * Which output is shown as A in blind rating. Random per paragraph, so the rater cannot learn
 * "A is always the teacher", but seeded by the paragraph, so a reload or a second session shows
 * the same order and a half-rated paragraph does not swap under the rater's eyes.
 */

export interface BlindPair {
  A: 'teacher' | 'student';
  B: 'teacher' | 'student';
}

export function blindOrder(seed: number, paragraphId: string, studentModelId: string): BlindPair {
  const rng = createRng((fnv1a32(`${paragraphId}\u0000${studentModelId}`) ^ seed) >>> 0);
  return rng.nextFloat() < 0.5 ? { A: 'teacher', B: 'student' } : { A: 'student', B: 'teacher' };
}
