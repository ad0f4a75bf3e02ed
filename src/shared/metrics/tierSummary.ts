/**
 * Latency and cost per model and service tier: the tier each call was served at (as the
 * response reported it, else the tier asked for), so an analyst can see whether Flex is slow
 * enough to matter for the workload and what Priority buys.
 */
import { summarizeModelRuns, type ModelRunSummary, type RunSample } from './runSummary';

export interface TierRunSummary extends ModelRunSummary {
  /** The model id without the tier. */
  readonly model: string;
  readonly tier: string;
}

export function summarizeByTier(
  runs: readonly (RunSample & { serviceTier?: string | null | undefined })[],
  askedTier: (modelId: string) => string,
): TierRunSummary[] {
  const SEP = '\u0000';
  const keyed = runs.map((r) => ({
    ...r,
    modelId: `${r.modelId}${SEP}${r.serviceTier ?? askedTier(r.modelId)}`,
  }));
  return summarizeModelRuns(keyed).map((s) => {
    const [model = '', tier = ''] = s.modelId.split(SEP);
    return { ...s, model, tier };
  });
}
