/**
 * An experiment ready to run: a real SQLite file in a temporary folder, a dataset of numbered
 * paragraphs, an experiment over stand-in models, and an ExperimentRunner whose clients point
 * at the stand-in. Progress events are kept and can be awaited (never slept on).
 */
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { BedrockClientOptions } from '../../src/main/bedrock/client';
import { insertDataset } from '../../src/main/db/repos/datasets';
import { insertExperiment } from '../../src/main/db/repos/experiments';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { openDatabase } from '../../src/main/db/open';
import { ExperimentRunner } from '../../src/main/runner/experimentRunner';
import type { RunnerDeps, RunnerTuning } from '../../src/main/runner/runnerTypes';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../src/shared/domain/experiment';
import type { RunProgress } from '../../src/shared/domain/run';
import type { BedrockStandIn } from './bedrockStandIn';
import { clientFor } from './standInClient';
import { makeTempDir } from './tempDir';

export const TEACHER = 'test.teacher-v1:0';
export const STUDENT = 'test.student-v1:0';
export const STUDENT2 = 'test.student2-v1:0';

/** Paragraph i's text: unique, so a stand-in request maps back to its paragraph. */
export const paragraphText = (i: number): string =>
  `Paragraph ${i}: the quarterly report shows revenue of ${i * 7} million and a margin of ${i} percent.`;

export interface FixtureOptions {
  standIn: BedrockStandIn;
  paragraphs?: number;
  students?: string[];
  repeats?: number;
  concurrency?: number;
  budgetUsd?: number | null;
  client?: Partial<BedrockClientOptions>;
  tuning?: Partial<RunnerTuning>;
  probeOnline?: RunnerDeps['probeOnline'];
  /** An existing data folder (to reopen the same database). */
  dir?: string;
  /** Extra price fields per model (e.g. serviceTier and tierPrices). */
  priceExtras?: Record<string, Record<string, unknown>>;
}

export const PRICES = {
  [TEACHER]: { inputUsdPer1k: 0.00265, outputUsdPer1k: 0.0035 },
  [STUDENT]: { inputUsdPer1k: 0.0003, outputUsdPer1k: 0.0006 },
  [STUDENT2]: { inputUsdPer1k: 0.00022, outputUsdPer1k: 0.00022 },
} as const;

/** Fast back-off and probing so that fault tests take milliseconds, not seconds. */
export const FAST_TUNING: Partial<RunnerTuning> = {
  requeueBaseMs: 10,
  retryBaseMs: 10,
  requeueCapMs: 50,
  probeIntervalMs: 50,
  progressIntervalMs: 20,
};

export interface RunnerFixture {
  db: Database;
  dir: string;
  experimentId: string;
  config: ExperimentConfig;
  runner: ExperimentRunner;
  events: RunProgress[];
  /** performance.now() of each event, by index. */
  eventTimes: number[];
  /** Resolves with the first progress (already emitted or to come) that satisfies `test`. */
  until(test: (p: RunProgress) => boolean): Promise<RunProgress>;
  cleanup(): Promise<void>;
}

/** A dataset of numbered paragraphs and an experiment over it, stored in `db`, not started. */
export function insertRunnerExperiment(
  db: Database,
  o: Omit<FixtureOptions, 'standIn' | 'client' | 'tuning' | 'probeOnline' | 'dir'>,
): { experimentId: string; config: ExperimentConfig } {
  const students = o.students ?? [STUDENT];
  const datasetId = insertDataset(db, 'runner test');
  appendParagraphs(
    db,
    datasetId,
    Array.from({ length: o.paragraphs ?? 4 }, (_, i) => ({
      text: paragraphText(i),
      reference: null,
      tags: [],
    })),
  );
  const config = ExperimentConfigSchema.parse({
    name: 'runner test',
    datasetId,
    teacherModelId: TEACHER,
    studentModelIds: students,
    region: 'us-east-1',
    promptTemplate: '{{paragraph}}',
    systemPrompt: null,
    inference: { maxTokens: 200, temperature: 0, topP: 1 },
    repeats: o.repeats ?? 1,
    concurrency: o.concurrency ?? 4,
    budgetUsd: o.budgetUsd ?? null,
    prices: [TEACHER, ...students].map((modelId) => ({
      modelId,
      ...PRICES[modelId as keyof typeof PRICES],
      source: 'test',
      asOf: '2025-01-01',
      overridden: true,
      ...o.priceExtras?.[modelId],
    })),
  });
  return { experimentId: insertExperiment(db, config), config };
}

export async function makeRunnerFixture(o: FixtureOptions): Promise<RunnerFixture> {
  const temp = o.dir ? { dir: o.dir, cleanup: () => {} } : makeTempDir('distill-runner-');
  const { db } = await openDatabase(`${temp.dir}/distill-roi.sqlite`);
  const { experimentId, config } = insertRunnerExperiment(db, o);
  const client = clientFor(o.standIn, { maxAttempts: 2, ...o.client });
  const events: RunProgress[] = [];
  const eventTimes: number[] = [];
  const waiters: { test: (p: RunProgress) => boolean; resolve: (p: RunProgress) => void }[] = [];
  const runner = new ExperimentRunner({
    db,
    clientFor: () => client,
    emit: (p) => {
      events.push(p);
      eventTimes.push(performance.now());
      for (const w of [...waiters]) {
        if (w.test(p)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    },
    tuning: { ...FAST_TUNING, ...o.tuning },
    ...(o.probeOnline ? { probeOnline: o.probeOnline } : {}),
  });
  return {
    db,
    dir: temp.dir,
    experimentId,
    config,
    runner,
    events,
    eventTimes,
    until: (test) => {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    cleanup: async () => {
      await runner.closeAll();
      db.close();
      temp.cleanup();
    },
  };
}
