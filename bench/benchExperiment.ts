/** The benchmark's workload: a dataset of distinct paragraphs and an experiment over two models. */
import type { Database } from 'better-sqlite3';
import { insertDataset } from '../src/main/db/repos/datasets';
import { insertExperiment } from '../src/main/db/repos/experiments';
import { appendParagraphs } from '../src/main/db/repos/paragraphs';
import { ExperimentConfigSchema } from '../src/shared/domain/experiment';

export const BENCH_MODELS = ['bench.teacher-v1:0', 'bench.student-v1:0'];

export const benchParagraph = (i: number): string =>
  `Paragraph ${i}: revenue rose ${i} percent while costs fell, and the board approved a dividend of ${i % 9} cents per share for the quarter.`;

export function createBenchExperiment(
  db: Database,
  paragraphs: number,
  concurrency: number,
): string {
  const datasetId = db.transaction(() => {
    const id = insertDataset(db, 'bench');
    appendParagraphs(
      db,
      id,
      Array.from({ length: paragraphs }, (_, i) => ({
        text: benchParagraph(i),
        reference: null,
        tags: [],
      })),
    );
    return id;
  })();
  return insertExperiment(
    db,
    ExperimentConfigSchema.parse({
      name: 'runner bench',
      datasetId,
      teacherModelId: BENCH_MODELS[0],
      studentModelIds: BENCH_MODELS.slice(1),
      region: 'us-east-1',
      promptTemplate: 'Summarize: {{paragraph}}',
      systemPrompt: null,
      inference: { maxTokens: 256, temperature: 0, topP: 1 },
      repeats: 1,
      concurrency,
      budgetUsd: null,
      prices: BENCH_MODELS.map((modelId) => ({
        modelId,
        inputUsdPer1k: 0.0003,
        outputUsdPer1k: 0.0006,
        source: 'bench',
        asOf: '2025-01-01',
        overridden: true,
      })),
    }),
  );
}
