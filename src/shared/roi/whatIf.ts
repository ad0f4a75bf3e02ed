/**
 * Everything the what-if screen shows for one scenario, in one call: the ROI figures and chart
 * series, the tornado, the three presets and the student recommendation. The screen calls it on
 * every slider move (the benchmark times exactly this), so it must stay well inside a frame.
 */
import type { PriceBook } from '../pricing/priceBook';
import type { Fraction } from '../units';
import { computeRoi, type RoiOutputs } from './computeRoi';
import type { RoiEvidence } from './evidence';
import { measuredQualityOf } from './measurements';
import { modelName } from '../report/names';
import { prefillFromEvidence } from './prefill';
import { scenarioPresets, type ScenarioPreset } from './presets';
import { recommendStudents, type StudentCandidate, type StudentRecommendation } from './recommend';
import { ScenarioSchema, type Scenario } from './scenario';
import { sensitivity, type SensitivityResult } from './sensitivity';

export interface WhatIfContext {
  evidence: RoiEvidence | null;
  priceBook: PriceBook;
  /** The saved scenario on screen, for its own overrides; null for an unsaved one. */
  scenarioId?: string | null;
  /** The highest student failure share the analyst accepts: the recommendation's bar. */
  maxFailureShare: Fraction;
}

export interface PresetOutcome {
  preset: ScenarioPreset;
  roi: RoiOutputs;
}

export interface CandidateDetail extends StudentCandidate {
  /** False when no failure share was measured and the scenario's typed one stands in. */
  qualityMeasured: boolean;
}

export interface Recommendation {
  result: StudentRecommendation;
  candidates: CandidateDetail[];
}

export interface WhatIfView {
  roi: RoiOutputs;
  tornado: SensitivityResult;
  presets: PresetOutcome[];
  recommendation: Recommendation | null;
}

/**
 * Each measured student under this scenario's volume, serving and costs, with its own tokens,
 * prices and failure share; then ranked within the bar by monthly saving.
 */
export function recommendationFor(
  s: Scenario,
  evidence: RoiEvidence,
  priceBook: PriceBook,
  maxFailureShare: Fraction,
  scenarioId: string | null = null,
): Recommendation {
  const candidates: CandidateDetail[] = [];
  for (const modelId of evidence.studentModelIds) {
    const parsed = ScenarioSchema.safeParse(
      prefillFromEvidence(s, evidence, modelId, priceBook, scenarioId).scenario,
    );
    if (!parsed.success) continue;
    const roi = computeRoi(parsed.data);
    candidates.push({
      modelId,
      displayName: modelName(modelId),
      failureShare: parsed.data.quality.studentFailureShare,
      monthlySavingUsd: roi.firstMonth.savingUsd,
      npvUsd: roi.npvUsd,
      qualityMeasured: measuredQualityOf(evidence, modelId) !== null,
    });
  }
  return { result: recommendStudents(candidates, { maxFailureShare }), candidates };
}

export function whatIfView(s: Scenario, ctx: WhatIfContext): WhatIfView {
  const roi = computeRoi(s);
  return {
    roi,
    tornado: sensitivity(s),
    presets: scenarioPresets(s).map((preset) => ({
      preset,
      roi: preset.id === 'base' ? roi : computeRoi(preset.scenario),
    })),
    recommendation: ctx.evidence
      ? recommendationFor(
          s,
          ctx.evidence,
          ctx.priceBook,
          ctx.maxFailureShare,
          ctx.scenarioId ?? null,
        )
      : null,
  };
}
