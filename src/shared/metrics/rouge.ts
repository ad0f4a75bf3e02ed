import { lcsLength, lcsReferenceIndices } from './lcs';
import { splitSummarySentences, tokenizeForRouge } from './rougeTokenizer';

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum as Google's rouge-score 0.1.2 computes them
 * (`RougeScorer(..., use_stemmer=stem).score(target=reference, prediction=candidate)`).
 * Kept bit-for-bit compatible so that figures in a report can be checked against Python.
 */

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly fmeasure: number;
}

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
  readonly rougeLsum: RougeScore;
}

export type RougeType = keyof RougeScores;
export const ROUGE_TYPES: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];

export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters, as `use_stemmer=True` does. */
  readonly stem: boolean;
}

const ZERO: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };

/** Same operation order as rouge-score's `scoring.fmeasure`, so results match to the last bit. */
function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

const score = (precision: number, recall: number): RougeScore => ({
  precision,
  recall,
  fmeasure: fmeasure(precision, recall),
});

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  // Tokens are [a-z0-9]+, so a space can never occur inside one and is a safe joiner.
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const total = (counts: ReadonlyMap<string, number>): number => {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
};

export function rougeN(ref: readonly string[], can: readonly string[], n: number): RougeScore {
  const refCounts = countNgrams(ref, n);
  const canCounts = countNgrams(can, n);
  let overlap = 0;
  for (const [gram, c] of refCounts) overlap += Math.min(c, canCounts.get(gram) ?? 0);
  // max(…, 1) rather than a zero special case: an empty side yields 0/1 = 0, as in rouge-score.
  return score(overlap / Math.max(total(canCounts), 1), overlap / Math.max(total(refCounts), 1));
}

export function rougeL(ref: readonly string[], can: readonly string[]): RougeScore {
  if (ref.length === 0 || can.length === 0) return ZERO;
  const lcs = lcsLength(ref, can);
  return score(lcs / can.length, lcs / ref.length);
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * Summary-level LCS (Lin 2004, §3.2). For each reference sentence, the union of its LCS with
 * every candidate sentence counts as hits, but each token only as often as it occurs on both
 * sides overall, so one candidate token cannot be credited against several reference sentences.
 */
export function rougeLsum(
  refSentences: readonly (readonly string[])[],
  canSentences: readonly (readonly string[])[],
): RougeScore {
  if (refSentences.length === 0 || canSentences.length === 0) return ZERO;
  const m = refSentences.reduce((acc, s) => acc + s.length, 0);
  const n = canSentences.reduce((acc, s) => acc + s.length, 0);
  if (m === 0 || n === 0) return ZERO;

  const refLeft = countTokens(refSentences);
  const canLeft = countTokens(canSentences);
  let hits = 0;
  for (const ref of refSentences) {
    const union = new Set<number>();
    for (const can of canSentences) for (const i of lcsReferenceIndices(ref, can)) union.add(i);
    const ordered = [...union].sort((a, b) => a - b);
    for (const i of ordered) {
      const token = ref[i] as string;
      const r = refLeft.get(token) ?? 0;
      const c = canLeft.get(token) ?? 0;
      if (r > 0 && c > 0) {
        hits++;
        refLeft.set(token, r - 1);
        canLeft.set(token, c - 1);
      }
    }
  }
  return score(hits / n, hits / m);
}

/** All four ROUGE variants of `candidate` against `reference`. */
export function scoreRouge(
  reference: string,
  candidate: string,
  options: RougeOptions,
): RougeScores {
  const ref = tokenizeForRouge(reference, options);
  const can = tokenizeForRouge(candidate, options);
  const refSentences = splitSummarySentences(reference).map((s) => tokenizeForRouge(s, options));
  const canSentences = splitSummarySentences(candidate).map((s) => tokenizeForRouge(s, options));
  return {
    rouge1: rougeN(ref, can, 1),
    rouge2: rougeN(ref, can, 2),
    rougeL: rougeL(ref, can),
    rougeLsum: rougeLsum(refSentences, canSentences),
  };
}
