/**
 * An experiment with stored runs, written straight into the store: for quality tests that need
 * outputs to score, judge and rate without running models. A test tool only (the e2e specs use
 * it through seedQualityDataDir, before the host starts); the app never imports it.
 */
import type { Database } from 'better-sqlite3';
import { insertDataset } from '../../src/main/db/repos/datasets';
import { insertExperiment } from '../../src/main/db/repos/experiments';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { insertRun } from '../../src/main/db/repos/runs';
import { getExperiment, setExperimentStatus } from '../../src/main/db/repos/experiments';
import { refreshRougeScores } from '../../src/main/quality/rougeScoring';
import { ExperimentConfigSchema, type Experiment } from '../../src/shared/domain/experiment';

export const SEED_TEACHER = 'meta.llama3-70b-instruct-v1:0';
export const SEED_STUDENT = 'meta.llama3-8b-instruct-v1:0';

export interface SeedOptions {
  /** Store the runs without scoring ROUGE, as the runner does before it refreshes. */
  unscored?: boolean;
  name?: string;
  paragraphs?: number;
  students?: string[];
  teacher?: string;
  /** Where the experiment ran (default us-east-1); Llama distillation pairs live in us-west-2. */
  region?: string;
  /** Paragraph i's reference summary, or null for none (default: every paragraph has one). */
  reference?: (i: number) => string | null;
  /** The output of `modelId` on paragraph i; null makes that call an error. */
  output?: (i: number, modelId: string, role: 'teacher' | 'student') => string | null;
  repeats?: number;
}

export const seedParagraph = (i: number): string =>
  `Paragraph ${i + 1}: the regional office reported revenue of ${(i + 3) * 7} million dollars, up ${i + 2} percent, as new customers in the north signed long contracts.`;

export const seedReference = (i: number): string =>
  `Revenue reached ${(i + 3) * 7} million dollars, up ${i + 2} percent, on new northern contracts.`;

export const seedOutput = (i: number, _model: string, role: 'teacher' | 'student'): string =>
  role === 'teacher'
    ? `The regional office reported revenue of ${(i + 3) * 7} million dollars, a rise of ${i + 2} percent.\nGrowth came from new customers in the north signing long contracts.`
    : i % 3 === 0
      ? `Revenue was ${(i + 3) * 7} million.`
      : `Revenue rose ${i + 2} percent to ${(i + 3) * 7} million dollars on new northern contracts.`;

export interface SeededExperiment {
  datasetId: string;
  experimentId: string;
  paragraphIds: string[];
  teacher: string;
  students: string[];
}

/** One successful call stored as the runner stores it (fixed tokens and timings). */
export function insertOkRun(
  db: Database,
  r: {
    experimentId: string;
    paragraphId: string;
    modelId: string;
    role: 'teacher' | 'student';
    outputText: string;
    costUsd?: number;
  },
): string {
  return insertRun(db, {
    experimentId: r.experimentId,
    paragraphId: r.paragraphId,
    modelId: r.modelId,
    role: r.role,
    repeatIndex: 0,
    status: 'ok',
    outputText: r.outputText,
    stopReason: 'end_turn',
    inputTokens: 60,
    outputTokens: 40,
    e2eMs: 300,
    serverMs: 250,
    ttftMs: 100,
    outputTokensPerS: 50,
    costUsd: r.costUsd ?? 0.00004,
    attempts: 1,
    errorClass: null,
    errorMessage: null,
    startedAt: 'now',
    finishedAt: 'now',
  });
}

export function seedExperimentWithRuns(db: Database, o: SeedOptions = {}): SeededExperiment {
  const n = o.paragraphs ?? 8;
  const teacher = o.teacher ?? SEED_TEACHER;
  const students = o.students ?? [SEED_STUDENT];
  const reference = o.reference ?? seedReference;
  const output = o.output ?? seedOutput;
  const repeats = o.repeats ?? 1;
  const datasetId = insertDataset(db, `${o.name ?? 'Quality'} paragraphs`);
  const paragraphIds = appendParagraphs(
    db,
    datasetId,
    Array.from({ length: n }, (_, i) => ({
      text: seedParagraph(i),
      reference: reference(i),
      tags: [],
    })),
  );
  const models = [teacher, ...students];
  const config = ExperimentConfigSchema.parse({
    name: o.name ?? 'Quality study',
    datasetId,
    teacherModelId: teacher,
    studentModelIds: students,
    region: o.region ?? 'us-east-1',
    promptTemplate: 'Summarize:\n\n{{paragraph}}',
    systemPrompt: null,
    inference: { maxTokens: 200, temperature: 0, topP: 1 },
    repeats,
    concurrency: 2,
    budgetUsd: null,
    prices: models.map((modelId, k) => ({
      modelId,
      inputUsdPer1k: k === 0 ? 0.00265 : 0.0003,
      outputUsdPer1k: k === 0 ? 0.0035 : 0.0006,
      source: 'test',
      asOf: '2025-01-01',
      overridden: true,
    })),
  });
  const experimentId = insertExperiment(db, config);
  const at = '2025-01-01T00:00:00.000Z';
  paragraphIds.forEach((paragraphId, i) => {
    for (let repeatIndex = 0; repeatIndex < repeats; repeatIndex++) {
      for (const modelId of models) {
        const role = modelId === teacher ? 'teacher' : 'student';
        const text = output(i, modelId, role);
        const ok = text !== null;
        insertRun(db, {
          experimentId,
          paragraphId,
          modelId,
          role,
          repeatIndex,
          status: ok ? 'ok' : 'error',
          outputText: text,
          stopReason: ok ? 'end_turn' : null,
          inputTokens: ok ? 60 : null,
          outputTokens: ok ? (role === 'teacher' ? 80 : 40) : null,
          e2eMs: ok ? (role === 'teacher' ? 900 : 300) : null,
          serverMs: ok ? 800 : null,
          ttftMs: ok ? 200 : null,
          outputTokensPerS: ok ? 50 : null,
          costUsd: ok ? (role === 'teacher' ? 0.000439 : 0.000042) : null,
          attempts: 1,
          errorClass: ok ? null : 'server',
          errorMessage: ok ? null : 'Bedrock had an internal error.',
          startedAt: at,
          finishedAt: at,
        });
      }
    }
  });
  setExperimentStatus(db, experimentId, 'completed');
  // The runs landed: score them as the runner does, so that reads find them scored.
  if (!o.unscored) refreshRougeScores(db, getExperiment(db, experimentId) as Experiment);
  return { datasetId, experimentId, paragraphIds, teacher, students };
}
