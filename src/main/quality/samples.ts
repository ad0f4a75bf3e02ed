import type { RunRecord } from '../../shared/domain/run';

/**
 * The output that stands for a model on a paragraph when only one can be used (the judge, the
 * blind rating): the successful run with the lowest repeat index. Judging every repeat would
 * multiply the judge's cost by the repeat count for little gain; ROUGE, which is free, scores
 * every repeat and averages them.
 */
export const sampleKey = (paragraphId: string, modelId: string): string =>
  `${paragraphId}|${modelId}`;

export function sampleRuns(runs: readonly RunRecord[]): Map<string, RunRecord> {
  const out = new Map<string, RunRecord>();
  for (const r of runs) {
    if (r.status !== 'ok' || r.outputText === null) continue;
    const key = sampleKey(r.paragraphId, r.modelId);
    const seen = out.get(key);
    if (!seen || r.repeatIndex < seen.repeatIndex) out.set(key, r);
  }
  return out;
}
