/**
 * What an experiment tells the ROI calculator: each model's Bedrock-reported tokens per call
 * (the token profile, and the samples the Monte Carlo resamples), the prices the experiment ran
 * under, and each student's failure shares from the quality module. Main assembles it from the
 * store; the calculator prefills a scenario from it (prefill.ts).
 */
import { z } from 'zod';
import { ModelPriceSchema, type Experiment } from '../domain/experiment';
import { StudentEvidenceSchema, type StudentEvidence } from '../decision/decisionEvidence';
import { FailureSharesSchema, type FailureShares } from '../quality/failureSharesForRoi';
import { reportedUsage } from '../metrics/runSummary';
import { latencySourceOfCounts, type LatencyEvidence } from '../batch/latencySource';

export const ModelTokenSamplesSchema = z.object({
  modelId: z.string(),
  role: z.enum(['teacher', 'student']),
  /** Every stored call of this model, successful or not. */
  calls: z.number().int(),
  errors: z.number().int(),
  /** Successful calls made through Bedrock batch jobs: they have no latency of their own. */
  batchOk: z.number().int().default(0),
  /** Successful calls with reported usage; index i of both lists is the same call. */
  inputTokens: z.array(z.number()),
  outputTokens: z.array(z.number()),
});
export type ModelTokenSamples = z.infer<typeof ModelTokenSamplesSchema>;

export const StudentQualitySchema = z.object({
  studentModelId: z.string(),
  failureShares: FailureSharesSchema.nullable(),
  /** Why there are no failure shares, when there are none. */
  problem: z.string().nullable(),
});
export type StudentQuality = z.infer<typeof StudentQualitySchema>;

export const RoiEvidenceSchema = z.object({
  experimentId: z.string(),
  experimentName: z.string(),
  status: z.string(),
  region: z.string(),
  teacherModelId: z.string(),
  studentModelIds: z.array(z.string()),
  /** The prices the experiment ran under, frozen when it was created. */
  prices: z.array(ModelPriceSchema),
  models: z.array(ModelTokenSamplesSchema),
  quality: z.array(StudentQualitySchema),
  /** Per student, the evidence the verdict weighs (decideMove), the same the report uses. */
  decision: z.array(StudentEvidenceSchema).default([]),
});
export type RoiEvidence = z.infer<typeof RoiEvidenceSchema>;

/** The fields of a stored run that the token profile needs. */
export interface RunTokens {
  modelId: string;
  status: 'ok' | 'error';
  inputTokens: number | null;
  outputTokens: number | null;
  via?: 'on-demand' | 'batch' | undefined;
}

/**
 * Per model of the experiment (teacher first), the usage of its successful calls. A call
 * without reported usage is left out of the samples: a mean over made-up zeros would
 * understate the cost.
 */
export function tokenSamplesByModel(
  experiment: Pick<Experiment, 'config'>,
  runs: readonly RunTokens[],
): ModelTokenSamples[] {
  const { teacherModelId, studentModelIds } = experiment.config;
  const byModel = new Map<string, ModelTokenSamples>();
  for (const [modelId, role] of [
    [teacherModelId, 'teacher'] as const,
    ...studentModelIds.map((id) => [id, 'student'] as const),
  ]) {
    byModel.set(modelId, {
      modelId,
      role,
      calls: 0,
      errors: 0,
      batchOk: 0,
      inputTokens: [],
      outputTokens: [],
    });
  }
  for (const run of runs) {
    const m = byModel.get(run.modelId);
    if (!m) continue;
    m.calls += 1;
    if (run.status !== 'ok') m.errors += 1;
    else if (run.via === 'batch') m.batchOk += 1;
    if (run.status === 'ok' && reportedUsage(run)) {
      m.inputTokens.push(run.inputTokens);
      m.outputTokens.push(run.outputTokens);
    }
  }
  return [...byModel.values()];
}

/** Where each model's latency came from, for the verdict (see latencySource). */
export function latencyEvidence(evidence: RoiEvidence, studentModelId: string): LatencyEvidence {
  const of = (modelId: string) => {
    const m = evidence.models.find((x) => x.modelId === modelId);
    return m ? latencySourceOfCounts(m.batchOk, m.calls - m.errors - m.batchOk) : 'on-demand';
  };
  return { teacher: of(evidence.teacherModelId), student: of(studentModelId) };
}

export function evidenceOf(
  experiment: Experiment,
  runs: readonly RunTokens[],
  quality: readonly StudentQuality[],
  decision: readonly StudentEvidence[] = [],
): RoiEvidence {
  const c = experiment.config;
  return {
    experimentId: experiment.id,
    experimentName: c.name,
    status: experiment.status,
    region: c.region,
    teacherModelId: c.teacherModelId,
    studentModelIds: [...c.studentModelIds],
    prices: c.prices,
    models: tokenSamplesByModel(experiment, runs),
    quality: [...quality],
    decision: [...decision],
  };
}

export type EstimatedFailureShares = FailureShares & {
  result: Extract<FailureShares['result'], { kind: 'estimate' }>;
};

/** The failure shares measured for one student, when the quality module could estimate them. */
export function measuredFailureShares(
  evidence: RoiEvidence,
  studentModelId: string,
): EstimatedFailureShares | null {
  const shares = evidence.quality.find((q) => q.studentModelId === studentModelId)?.failureShares;
  if (!shares || shares.result.kind !== 'estimate') return null;
  return shares as EstimatedFailureShares;
}
