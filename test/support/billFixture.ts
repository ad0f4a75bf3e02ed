/**
 * Three days of the app's calls and what Cost Explorer bills for them, for the bill
 * reconciliation's tests (service, handlers, CLI, e2e). The app ran Nova Pro (teacher), Nova Lite
 * and Claude 3 Haiku (a Marketplace-billed model) in us-east-1 on 2026-12-04 … 12-07; "today" is
 * 12-07, so Cost Explorer has nothing for it yet and 12-06 is estimated. On the bill, besides the
 * app's own usage: another workload on Nova Pro on 12-05, cache reads on Nova Lite, and Llama 3
 * 70B that the app never called. A test tool.
 */
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../src/main/db/open';
import { databasePath } from '../../src/main/paths/dataDir';
import { insertDataset } from '../../src/main/db/repos/datasets';
import { insertExperiment, setExperimentStatus } from '../../src/main/db/repos/experiments';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { insertRun } from '../../src/main/db/repos/runs';
import { ExperimentConfigSchema } from '../../src/shared/domain/experiment';
import { costPerRequestUsd } from '../../src/shared/roi/perRequest';
import { tokens, usdPer1k } from '../../src/shared/units';
import type { StandInUsage } from './costExplorerStandIn';

export const BILL_TODAY = '2026-12-07';
export const BILL_DAYS = ['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'];
export const HAIKU_SERVICE = 'Claude 3 Haiku (Amazon Bedrock Edition)';

const MODELS = [
  {
    id: 'amazon.nova-pro-v1:0',
    in: 0.0008,
    out: 0.0032,
    usage: (d: 'input' | 'output') => ['Amazon Bedrock', `USE1-NovaPro-${d}-tokens`] as const,
  },
  {
    id: 'amazon.nova-lite-v1:0',
    in: 0.00006,
    out: 0.00024,
    usage: (d: 'input' | 'output') => ['Amazon Bedrock', `USE1-NovaLite-${d}-tokens`] as const,
  },
  {
    id: 'anthropic.claude-3-haiku-20240307-v1:0',
    in: 0.00025,
    out: 0.00125,
    usage: (d: 'input' | 'output') =>
      [
        HAIKU_SERVICE,
        `USE1-MP:USE1_${d === 'input' ? 'Input' : 'Output'}TokenCount-Units`,
      ] as const,
  },
] as const;

/** Per call: 1000 tokens in, 500 out. Two calls per model per day. */
const IN = 1000;
const OUT = 500;
const CALLS_PER_DAY = 2;

export function seedBillRuns(db: Database): { experimentId: string } {
  const datasetId = insertDataset(db, 'Bill paragraphs');
  const paragraphIds = appendParagraphs(
    db,
    datasetId,
    Array.from({ length: CALLS_PER_DAY }, (_, i) => ({
      text: `Paragraph ${i + 1} about revenue.`,
      reference: null,
      tags: [],
    })),
  );
  const [teacher, ...students] = MODELS;
  const experimentId = insertExperiment(
    db,
    ExperimentConfigSchema.parse({
      name: 'Bill study',
      datasetId,
      teacherModelId: teacher.id,
      studentModelIds: students.map((m) => m.id),
      region: 'us-east-1',
      promptTemplate: 'Summarize:\n\n{{paragraph}}',
      systemPrompt: null,
      inference: { maxTokens: 600, temperature: 0, topP: 1 },
      repeats: BILL_DAYS.length,
      concurrency: 2,
      budgetUsd: null,
      prices: MODELS.map((m) => ({
        modelId: m.id,
        inputUsdPer1k: m.in,
        outputUsdPer1k: m.out,
        source: 'test',
        asOf: '2026-12-01',
        overridden: false,
      })),
    }),
  );
  BILL_DAYS.forEach((day, repeatIndex) => {
    const at = `${day}T10:00:00.000Z`;
    for (const paragraphId of paragraphIds) {
      for (const m of MODELS) {
        insertRun(db, {
          experimentId,
          paragraphId,
          modelId: m.id,
          role: m === teacher ? 'teacher' : 'student',
          repeatIndex,
          status: 'ok',
          outputText: 'Revenue rose.',
          stopReason: 'end_turn',
          inputTokens: IN,
          outputTokens: OUT,
          e2eMs: 900,
          serverMs: 800,
          ttftMs: 200,
          outputTokensPerS: 50,
          costUsd: costPerRequestUsd(tokens(IN), tokens(OUT), usdPer1k(m.in), usdPer1k(m.out)),
          attempts: 1,
          errorClass: null,
          errorMessage: null,
          startedAt: at,
          finishedAt: at,
          // Made through the experiment's tagged profiles, as the runner does once they exist.
          profileArn: `arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/seed${MODELS.indexOf(m) + 1}`,
        });
      }
    }
  });
  setExperimentStatus(db, experimentId, 'completed');
  return { experimentId };
}

/** Writes the calls into a data folder before the app starts on it (for end-to-end specs). */
export async function seedBillDataDir(dir: string): Promise<{ experimentId: string }> {
  const { db } = await openDatabase(databasePath(dir));
  try {
    return seedBillRuns(db);
  } finally {
    db.close();
  }
}

/** The account's Bedrock bill for those days, the app's usage included. */
export function billUsage(): StandInUsage[] {
  const out: StandInUsage[] = [];
  for (const day of BILL_DAYS) {
    for (const m of MODELS) {
      for (const d of ['input', 'output'] as const) {
        const [service, usageType] = m.usage(d);
        const n = CALLS_PER_DAY * (d === 'input' ? IN : OUT);
        out.push({
          day,
          service,
          usageType,
          costUsd: (n / 1000) * m[d === 'input' ? 'in' : 'out'],
          quantity: n,
        });
      }
    }
  }
  out.push(
    // Another workload in the account called Nova Pro on the 5th.
    {
      day: '2026-12-05',
      service: 'Amazon Bedrock',
      usageType: 'USE1-NovaPro-input-tokens',
      costUsd: 1.25,
      quantity: 1_562_500,
    },
    {
      day: '2026-12-05',
      service: 'Amazon Bedrock',
      usageType: 'USE1-NovaLite-cache-read-input-token-count',
      costUsd: 0.02,
      quantity: 1_333_333,
    },
    {
      day: '2026-12-04',
      service: 'Amazon Bedrock',
      usageType: 'USE1-Llama3-70B-input-tokens',
      costUsd: 0.4,
      quantity: 150_943,
    },
    // Not Bedrock: filtered out by the SERVICE filter.
    {
      day: '2026-12-04',
      service: 'Amazon Simple Storage Service',
      usageType: 'USE1-TimedStorage-ByteHrs',
      costUsd: 3,
      quantity: 1,
    },
  );
  return out;
}
