/**
 * A batch experiment ready to send: S3 (s3rver behind its fault front) and the Bedrock batch
 * stand-in on loopback, a real SQLite file in a temporary folder with a dataset and an
 * experiment over two catalog models (which have batch prices), and the app's own batch clients
 * pointed at the stand-ins through the real AWS SDK.
 */
import type { Database } from 'better-sqlite3';
import { createBatchClients, type BatchClients } from '../../src/main/batch/awsClients';
import type { BatchDeps } from '../../src/main/batch/batchDeps';
import { insertDataset } from '../../src/main/db/repos/datasets';
import { insertExperiment } from '../../src/main/db/repos/experiments';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { openDatabase } from '../../src/main/db/open';
import { ExperimentConfigSchema } from '../../src/shared/domain/experiment';
import { startBatchStandIn, type BatchStandIn, type BatchStandInOptions } from './batchStandIn';
import { paragraphText } from './runnerFixture';
import { startS3StandIn, type S3StandIn } from './s3StandIn';
import { startServiceQuotasStandIn, type ServiceQuotasStandIn } from './serviceQuotasStandIn';
import { makeTempDir } from './tempDir';

export const BATCH_TEACHER = 'meta.llama3-70b-instruct-v1:0';
export const BATCH_STUDENT = 'meta.llama3-8b-instruct-v1:0';
export const NO_BATCH_PRICE_MODEL = 'test.unpriced-v1:0';
export const BUCKET = 'distill-batch';
export const ROLE = 'arn:aws:iam::111122223333:role/BedrockBatchRole';
export const TEST_KEY = 'AKIDBATCHTEST';

export interface BatchStandIns {
  s3: S3StandIn;
  bedrock: BatchStandIn;
  /** Service Quotas with no batch quotas until a test sets some: the defaults apply. */
  quotas: ServiceQuotasStandIn;
  close(): Promise<void>;
}

export async function startBatchStandIns(
  o: Partial<Omit<BatchStandInOptions, 's3Endpoint'>> = {},
): Promise<BatchStandIns> {
  const s3 = await startS3StandIn({ buckets: [BUCKET], accessKeys: [TEST_KEY, 'AKIDCLITEST'] });
  const bedrock = await startBatchStandIn({ s3Endpoint: s3.url, stepMs: 2, ...o });
  const quotas = await startServiceQuotasStandIn();
  return {
    s3,
    bedrock,
    quotas,
    close: async () => {
      await quotas.close();
      await bedrock.close();
      await s3.close();
    },
  };
}

/** The app's S3, control-plane and Service Quotas clients against stand-ins. */
export function testBatchClients(
  s: { s3: { url: string }; bedrock: { url: string }; quotas?: { url: string } },
  region = 'us-east-1',
): BatchClients {
  return createBatchClients({
    region,
    credentials: { accessKeyId: TEST_KEY, secretAccessKey: 'batch-test-secret' },
    s3Endpoint: s.s3.url,
    bedrockEndpoint: s.bedrock.url,
    ...(s.quotas ? { serviceQuotasEndpoint: s.quotas.url } : {}),
    maxAttempts: 3,
  });
}

export interface BatchExperiment {
  db: Database;
  dir: string;
  experimentId: string;
  close(): void;
}

export async function makeBatchExperiment(o: {
  paragraphs: number;
  repeats?: number;
  students?: string[];
  dir?: string;
}): Promise<BatchExperiment> {
  const temp = o.dir ? { dir: o.dir, cleanup: () => {} } : makeTempDir('distill-batch-');
  const { db } = await openDatabase(`${temp.dir}/distill-roi.sqlite`);
  const students = o.students ?? [BATCH_STUDENT];
  const datasetId = insertDataset(db, 'batch test');
  appendParagraphs(
    db,
    datasetId,
    Array.from({ length: o.paragraphs }, (_, i) => ({
      text: paragraphText(i),
      reference: `Reference ${i}.`,
      tags: [],
    })),
  );
  const price = (modelId: string) => ({
    modelId,
    inputUsdPer1k: 0.001,
    outputUsdPer1k: 0.002,
    source: 'test',
    asOf: '2026-12-01',
    overridden: false,
  });
  const config = ExperimentConfigSchema.parse({
    name: 'batch test',
    datasetId,
    teacherModelId: BATCH_TEACHER,
    studentModelIds: students,
    region: 'us-east-1',
    promptTemplate: 'Summarize:\n\n{{paragraph}}',
    systemPrompt: null,
    inference: { maxTokens: 256, temperature: 0.5, topP: 0.9 },
    repeats: o.repeats ?? 1,
    concurrency: 4,
    budgetUsd: null,
    prices: [BATCH_TEACHER, ...students].map(price),
  });
  const experimentId = insertExperiment(db, config);
  return {
    db,
    dir: temp.dir,
    experimentId,
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
}

export const fastDeps = (
  db: Database,
  clients: BatchClients,
  extra: Partial<BatchDeps> = {},
): BatchDeps => ({
  db,
  clients,
  region: 'us-east-1',
  tuning: { pollMinMs: 5, pollMaxMs: 40 },
  ...extra,
});
