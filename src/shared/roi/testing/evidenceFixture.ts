/**
 * Test support: an experiment's evidence built the way main builds it (evidenceOf over runs and
 * the quality module's failure shares), for a teacher and any students with chosen token
 * profiles and scores. Imported by tests and the benchmark only.
 */
import type { Experiment } from '../../domain/experiment';
import { failureSharesForRoi } from '../../quality/failureSharesForRoi';
import { evidenceOf, type RoiEvidence, type RunTokens } from '../evidence';

export const TEACHER = 'meta.llama3-70b-instruct-v1:0';

export interface FixtureModel {
  modelId: string;
  /** Tokens of run i. */
  tokens: (i: number) => { input: number; output: number };
  /** Score of paragraph i on judge.overall (1–5; below 3 fails); null: not scored. */
  score?: (i: number) => number | null;
}

export function fixtureEvidence(
  teacher: FixtureModel,
  students: FixtureModel[],
  runsPerModel: number,
  region = 'us-east-1',
): RoiEvidence {
  const models = [teacher, ...students];
  const experiment = {
    id: 'exp-1',
    status: 'completed',
    config: {
      name: 'Fixture study',
      region,
      teacherModelId: teacher.modelId,
      studentModelIds: students.map((s) => s.modelId),
      prices: models.map((m) => ({
        modelId: m.modelId,
        inputUsdPer1k: 0.001,
        outputUsdPer1k: 0.002,
        source: 'experiment fixture',
        asOf: '2026-01-01',
        overridden: false,
      })),
    },
  } as unknown as Experiment;
  const runs: RunTokens[] = models.flatMap((m) =>
    Array.from({ length: runsPerModel }, (_, i) => {
      const t = m.tokens(i);
      return {
        modelId: m.modelId,
        status: 'ok' as const,
        inputTokens: t.input,
        outputTokens: t.output,
      };
    }),
  );
  const scores = (m: FixtureModel) =>
    Array.from({ length: runsPerModel }, (_, i) => (m.score ? m.score(i) : null));
  const quality = students.map((s) => {
    if (!s.score)
      return { studentModelId: s.modelId, failureShares: null, problem: 'no scores yet' };
    return {
      studentModelId: s.modelId,
      failureShares: failureSharesForRoi({
        experimentId: experiment.id,
        metric: 'judge.overall',
        bar: 3,
        seed: 7,
        teacherModelId: teacher.modelId,
        studentModelId: s.modelId,
        teacherValues: scores(teacher),
        studentValues: scores(s),
      }),
      problem: null,
    };
  });
  return evidenceOf(experiment, runs, quality);
}
