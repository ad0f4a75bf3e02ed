/**
 * An experiment worth reporting on, written straight into the store: Llama 3 70B → Llama 3 8B
 * (and optionally a second student) on paragraphs with reference summaries, runs with varied
 * tokens and latencies (seeded, so every report is reproducible), one failed call, the catalog's
 * prices with their sources, and two saved scenarios. A test and benchmark tool; the app never
 * imports it.
 */
import type { Database } from 'better-sqlite3';
import { insertDataset } from '../../src/main/db/repos/datasets';
import {
  getExperiment,
  insertExperiment,
  setExperimentStatus,
} from '../../src/main/db/repos/experiments';
import { refreshRougeScores } from '../../src/main/quality/rougeScoring';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { insertRun } from '../../src/main/db/repos/runs';
import { modelPrices } from '../../src/main/cli/cliExperiment';
import { insertSavedScenario } from '../../src/main/export/scenarioStore';
import { ExperimentConfigSchema, type Experiment } from '../../src/shared/domain/experiment';
import { createRng } from '../../src/shared/metrics';
import { describeOrigin, type PriceOrigin } from '../../src/shared/pricing/priceOrigin';
import { ScenarioSchema, type ScenarioInput } from '../../src/shared/roi/scenario';
import { writeDataDir } from './seedDataDir';

export const REPORT_TEACHER = 'meta.llama3-70b-instruct-v1:0';
export const REPORT_STUDENT = 'meta.llama3-8b-instruct-v1:0';
export const REPORT_STUDENT2 = 'meta.llama3-1-8b-instruct-v1:0';

const PLACES = ['northern', 'coastal', 'eastern', 'central', 'southern', 'alpine'];
const GOODS = [
  'solar panels',
  'freight services',
  'dairy products',
  'software licences',
  'medical devices',
  'wind turbines',
];

export const reportParagraph = (i: number): string => {
  const place = PLACES[i % PLACES.length] as string;
  const goods = GOODS[(i * 5) % GOODS.length] as string;
  return `In the ${i % 4 === 0 ? 'first' : 'third'} quarter the ${place} division sold ${goods} worth ${(i + 3) * 7} million dollars, ${i + 2} percent more than a year earlier. Margins improved to ${10 + (i % 9)} percent because transport costs fell and two large customers signed multi-year contracts. The board expects growth to slow next year as a new competitor enters the ${place} market, and it has asked for a review of prices before the budget is set.`;
};

export const reportReference = (i: number): string =>
  `The ${PLACES[i % PLACES.length]} division's sales rose ${i + 2}% to $${(i + 3) * 7} million with margins at ${10 + (i % 9)}%; growth should slow next year as a competitor arrives.`;

function outputFor(i: number, role: 'teacher' | 'student', k: number): string {
  const place = PLACES[i % PLACES.length] as string;
  if (role === 'teacher') {
    if (i % 11 === 7) return `Sales in the ${place} division grew again this year.`;
    if (i % 3 === 1) {
      return `Sales of the ${place} division grew ${i + 2} percent to ${(i + 3) * 7} million dollars and margins rose to ${10 + (i % 9)} percent. A new competitor is expected to slow growth next year.`;
    }
    return `The ${place} division's sales rose ${i + 2} percent to ${(i + 3) * 7} million dollars, with margins up to ${10 + (i % 9)} percent on lower transport costs and new long contracts. Growth is expected to slow next year as a competitor arrives, so prices will be reviewed.`;
  }
  if ((i + k) % 8 === 3)
    return `Sales grew in the ${place} division and a review of prices is planned.`;
  return `The ${place} division's sales rose ${i + 2} percent to ${(i + 3) * 7} million dollars and margins reached ${10 + (i % 9)} percent; growth should slow next year.`;
}

export interface ReportFixture {
  experimentId: string;
  datasetId: string;
  scenarioIds: string[];
}

export function scenarioInputs(student = REPORT_STUDENT): {
  distilled: ScenarioInput;
  provisioned: ScenarioInput;
} {
  const side = (
    modelId: string,
    input: number,
    output: number,
    inPrice: number,
    outPrice: number,
    origin: PriceOrigin,
  ) => ({
    modelId,
    region: 'us-east-1',
    inputTokensPerRequest: input,
    outputTokensPerRequest: output,
    price: {
      inputUsdPer1k: inPrice,
      outputUsdPer1k: outPrice,
      asOf: '2026-11-24',
      source: describeOrigin(origin),
      origin,
    },
  });
  const catalog: PriceOrigin = {
    kind: 'catalog',
    publisher: 'third-party registry (genai-prices)',
    asOf: '2026-11-24',
  };
  const teacher = { ...side(REPORT_TEACHER, 121, 68, 0.00265, 0.0035, catalog), batchShare: 0 };
  const base = {
    teacher,
    engineering: { hours: 40, usdPerHour: 120 },
    quality: {
      teacherFailureShare: 0.05,
      studentFailureShare: 0.08,
      usdPerFailure: 0.002,
      studentFailureShareCi: { low: 0.05, high: 0.12 },
    },
    finance: { yearlyDiscountRate: 0.08, horizonMonths: 24 as const },
  };
  return {
    distilled: {
      ...base,
      volume: { requestsPerMonth: 3_000_000, monthlyGrowth: 0.02 },
      student: {
        ...side(student, 121, 52, 0.0003, 0.0006, {
          kind: 'override',
          scope: 'scenario',
          note: 'negotiated rate',
          asOf: '2026-11-24',
        }),
        serving: { kind: 'onDemand' },
        storageUsdPerMonth: 1.95,
        storageSource: 'prototype assumption',
      },
      distillation: {
        kind: 'distill',
        prompts: 10_000,
        epochs: 2,
        trainingUsdPer1kTokens: 0.004,
        trainingPriceSource: 'illustrative',
      },
    },
    provisioned: {
      ...base,
      volume: { requestsPerMonth: 2_000_000, monthlyGrowth: 0 },
      student: {
        ...side(student, 121, 52, 0.0003, 0.0006, catalog),
        serving: {
          kind: 'provisioned',
          modelUnits: 1,
          usdPerHourPerUnit: 21.18,
          term: 'sixMonths',
          hourlyRateSource: 'S21',
          capacityTokensPerMinutePerUnit: 60_000,
          capacityBasis: 'assumption',
        },
      },
      distillation: { kind: 'baseModelAsIs' },
    },
  };
}

export function seedReportExperiment(
  db: Database,
  o: {
    paragraphs?: number;
    students?: string[];
    repeats?: number;
    scenarios?: boolean;
    name?: string;
  } = {},
): ReportFixture {
  const n = o.paragraphs ?? 24;
  const students = o.students ?? [REPORT_STUDENT];
  const repeats = o.repeats ?? 1;
  const rng = createRng(7);
  const models = [REPORT_TEACHER, ...students];
  const datasetId = insertDataset(db, 'Quarterly summaries');
  const paragraphIds = appendParagraphs(
    db,
    datasetId,
    Array.from({ length: n }, (_, i) => ({
      text: reportParagraph(i),
      reference: reportReference(i),
      tags: [],
    })),
  );
  const config = ExperimentConfigSchema.parse({
    name: o.name ?? 'Quarterly summaries, 70B vs 8B',
    datasetId,
    teacherModelId: REPORT_TEACHER,
    studentModelIds: students,
    region: 'us-east-1',
    promptTemplate: 'Summarize the following paragraph in two sentences.\n\n{{paragraph}}',
    systemPrompt: null,
    inference: { maxTokens: 300, temperature: 0.5, topP: 0.9 },
    repeats,
    concurrency: 4,
    budgetUsd: null,
    prices: modelPrices(models, 'us-east-1', [], '2026-11-24'),
  });
  const experimentId = insertExperiment(db, config);
  const price = (m: string) => config.prices.find((p) => p.modelId === m);
  db.transaction(() => {
    paragraphIds.forEach((paragraphId, i) => {
      for (let k = 0; k < repeats; k++) {
        models.forEach((modelId, m) => {
          const role = m === 0 ? 'teacher' : 'student';
          const failed = i === 5 && m === 1 && k === 0;
          const inputTokens = 110 + Math.floor(rng.nextFloat() * 25);
          const outputTokens = (role === 'teacher' ? 60 : 44) + Math.floor(rng.nextFloat() * 20);
          const base = role === 'teacher' ? 1300 : 420;
          const e2e = base * (0.75 + rng.nextFloat() * 0.5 + (rng.nextFloat() < 0.08 ? 0.9 : 0));
          const p = price(modelId);
          const cost =
            (inputTokens * (p?.inputUsdPer1k ?? 0) + outputTokens * (p?.outputUsdPer1k ?? 0)) /
            1000;
          const at = new Date(Date.UTC(2026, 10, 20, 9, 0, i * 3 + k)).toISOString();
          insertRun(db, {
            experimentId,
            paragraphId,
            modelId,
            role,
            repeatIndex: k,
            status: failed ? 'error' : 'ok',
            outputText: failed ? null : outputFor(i, role, k + m),
            stopReason: failed ? null : 'end_turn',
            inputTokens: failed ? null : inputTokens,
            outputTokens: failed ? null : outputTokens,
            e2eMs: failed ? null : Math.round(e2e),
            serverMs: failed ? null : Math.round(e2e * 0.9),
            ttftMs: failed ? null : Math.round(e2e * 0.25),
            outputTokensPerS: failed ? null : outputTokens / ((e2e * 0.75) / 1000),
            costUsd: failed ? null : cost,
            attempts: failed ? 3 : 1,
            errorClass: failed ? 'throttled' : null,
            errorMessage: failed ? 'Bedrock throttled the request three times.' : null,
            startedAt: at,
            finishedAt: at,
          });
        });
      }
    });
  })();
  setExperimentStatus(db, experimentId, 'completed');
  const scenarioIds: string[] = [];
  if (o.scenarios !== false) {
    const { distilled, provisioned } = scenarioInputs(students[0]);
    scenarioIds.push(
      insertSavedScenario(
        db,
        experimentId,
        'Distilled 8B at 3 million requests a month',
        ScenarioSchema.parse(distilled),
      ),
    );
    scenarioIds.push(
      insertSavedScenario(
        db,
        experimentId,
        'Provisioned 8B at 2 million a month',
        ScenarioSchema.parse(provisioned),
      ),
    );
  }
  // The runs landed: score them as the runner does, so that reads find them scored.
  refreshRougeScores(db, getExperiment(db, experimentId) as Experiment);
  return { experimentId, datasetId, scenarioIds };
}

/** A data folder holding the report fixture, for end-to-end tests that start the host on it. */
export function seedReportDataDir(
  dir: string,
  o: Parameters<typeof seedReportExperiment>[1] = {},
): Promise<ReportFixture> {
  return writeDataDir(dir, (db) => seedReportExperiment(db, o));
}
