/**
 * A distillation launch ready to go: S3 (s3rver) and the customization-job stand-in on
 * loopback, a real SQLite file with a dataset of paragraphs and the distill settings saved, and
 * the app's own AWS clients pointed at the stand-ins through the real SDK.
 */
import type { Database } from 'better-sqlite3';
import { insertDataset } from '../../src/main/db/repos/datasets';
import { appendParagraphs } from '../../src/main/db/repos/paragraphs';
import { openDatabase } from '../../src/main/db/open';
import { saveDistillSettings } from '../../src/main/distill/distillService';
import type { DistillLaunchCore, DistillSettings } from '../../src/shared/distill/distillDomain';
import { TEST_KEY, testBatchClients } from './batchFixture';
import { startCustomizationStandIn, type CustomizationStandIn } from './customizationStandIn';
import { paragraphText } from './runnerFixture';
import { startS3StandIn, type S3StandIn } from './s3StandIn';
import { makeTempDir } from './tempDir';

export const DISTILL_BUCKET = 'distill-train';
export const DISTILL_ROLE = 'arn:aws:iam::111122223333:role/BedrockDistillationRole';
/** The key the batch fixture's clients sign with, so they serve here too. */
export const DISTILL_KEY = TEST_KEY;
export const NOVA_PRO = 'amazon.nova-pro-v1:0';
export const NOVA_MICRO = 'amazon.nova-micro-v1:0';

export interface DistillStandIns {
  s3: S3StandIn;
  bedrock: CustomizationStandIn;
  close(): Promise<void>;
}

export async function startDistillStandIns(): Promise<DistillStandIns> {
  const s3 = await startS3StandIn({
    buckets: [DISTILL_BUCKET],
    accessKeys: [DISTILL_KEY, 'AKIDCLITEST'],
  });
  const bedrock = await startCustomizationStandIn({ pageSize: 2 });
  return {
    s3,
    bedrock,
    close: async () => {
      await bedrock.close();
      await s3.close();
    },
  };
}

/** The app's own clients (batch's) pointed at the distillation stand-ins. */
export const distillClients = testBatchClients;

export const DISTILL_SETTINGS: DistillSettings = {
  roleArn: DISTILL_ROLE,
  s3Uri: `s3://${DISTILL_BUCKET}/jobs`,
  budgetUsd: null,
};

export interface DistillStore {
  db: Database;
  dir: string;
  datasetId: string;
  close(): void;
}

export async function makeDistillStore(
  paragraphs: number,
  settings: DistillSettings = DISTILL_SETTINGS,
  dir?: string,
): Promise<DistillStore> {
  const temp = dir ? { dir, cleanup: () => {} } : makeTempDir('distill-jobs-');
  const { db } = await openDatabase(`${temp.dir}/distill-roi.sqlite`);
  const datasetId = insertDataset(db, 'distill test');
  appendParagraphs(
    db,
    datasetId,
    Array.from({ length: paragraphs }, (_, i) => ({
      text: paragraphText(i),
      reference: `Reference ${i}.`,
      tags: [],
    })),
  );
  saveDistillSettings(db, settings);
  return {
    db,
    dir: temp.dir,
    datasetId,
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
}

/** Nova Pro → Nova Micro in us-east-1 from the dataset, with typed training and storage prices. */
export const datasetLaunch = (
  datasetId: string,
  over: Partial<DistillLaunchCore> = {},
): DistillLaunchCore => ({
  teacherModelId: NOVA_PRO,
  studentModelId: NOVA_MICRO,
  region: 'us-east-1',
  customModelName: 'support-micro-distilled',
  source: {
    kind: 'dataset',
    datasetId,
    promptTemplate: 'Summarize:\n\n{{paragraph}}',
    systemPrompt: null,
  },
  maxResponseLength: 1000,
  expansionFactor: 1,
  epochs: 1,
  trainingUsdPer1kTokens: 0.004,
  storageUsdPerMonth: 1.95,
  confirmOverBudget: false,
  ...over,
});
