/**
 * The account's batch quotas through the real Service Quotas SDK client against a stand-in that
 * speaks its awsJson 1.1 protocol: paging, matching quotas to the experiment's models by name,
 * the plan splitting by the account's quota, the cache for offline planning, and a denial that
 * falls back to the defaults and names the IAM action.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BATCH_STUDENT,
  BATCH_TEACHER,
  BUCKET,
  ROLE,
  makeBatchExperiment,
  startBatchStandIns,
  testBatchClients,
  type BatchExperiment,
  type BatchStandIns,
} from '../../../test/support/batchFixture';
import { batchPlanNotes } from '../../shared/batch/batchDomain';
import { DEFAULT_BATCH_QUOTAS } from '../../shared/batch/quotas';
import { DEFAULT_BATCH_SETTINGS, NO_SAVED_QUOTAS } from '../../shared/batch/batchSettings';
import { modelName } from '../../shared/report/names';
import { listBatchJobs } from '../db/repos/batchJobs';
import type { BatchClients } from './awsClients';
import { lastAccountQuotas, listBedrockQuotas, refreshAccountQuotas } from './accountQuotas';
import { batchOverview } from './batchOverview';
import { setupBatch } from './batchSetup';
import { saveBatchSettings } from './batchSettings';

let stands: BatchStandIns | undefined;
let exp: BatchExperiment | undefined;
let clients: BatchClients | undefined;
afterEach(async () => {
  clients?.destroy();
  exp?.close();
  await stands?.close();
  stands = exp = clients = undefined;
});

const STUDENT = modelName(BATCH_STUDENT);
const TEACHER = modelName(BATCH_TEACHER);

/** What an account lists for Bedrock: batch quotas per model among many unrelated ones. */
const ACCOUNT_QUOTAS = [
  { name: 'On-demand model inference requests per minute for Nova Lite', value: 2000 },
  { name: `Records per batch inference job for ${STUDENT}`, value: 150 },
  { name: `Minimum number of records per batch inference job for ${STUDENT}`, value: 50 },
  { name: 'Records per batch inference job for Nova Lite', value: 20 },
  { name: `Batch inference job size (in GB) for ${STUDENT}`, value: 2 },
  { name: `Batch inference input file size (in GB) for ${TEACHER}`, value: 1 },
  { name: 'Concurrent batch inference jobs', value: 20 },
];

async function setUp(paragraphs: number, pageSize = 2) {
  stands = await startBatchStandIns();
  stands.quotas.setQuotas(ACCOUNT_QUOTAS, pageSize);
  exp = await makeBatchExperiment({ paragraphs });
  clients = testBatchClients(stands);
  return { stands, exp, clients };
}

const setup = (e: BatchExperiment, c: BatchClients) =>
  setupBatch(e.db, c, e.experimentId, { s3Uri: `s3://${BUCKET}/runs`, roleArn: ROLE }, 'us-east-1');

describe('batch quotas from Service Quotas', () => {
  it('reads every page, following NextToken', async () => {
    const { stands, clients } = await setUp(10, 3);
    const quotas = await listBedrockQuotas(clients.quotas);
    expect(quotas).toEqual(ACCOUNT_QUOTAS);
    // 7 quotas at 3 a page: three requests, the second and third carrying the previous token.
    expect(stands.quotas.bodies).toHaveLength(3);
    expect(stands.quotas.bodies.map((b) => b.ServiceCode)).toEqual([
      'bedrock',
      'bedrock',
      'bedrock',
    ]);
    expect(stands.quotas.bodies[0]?.NextToken).toBeUndefined();
    expect(typeof stands.quotas.bodies[1]?.NextToken).toBe('string');
    expect(stands.quotas.bodies[2]?.NextToken).not.toEqual(stands.quotas.bodies[1]?.NextToken);
  });

  it('plans each model by its own account quota and says which quotas came from the account', async () => {
    const { exp, clients } = await setUp(240);
    await setup(exp, clients);
    const jobs = listBatchJobs(exp.db, exp.experimentId);
    // The student's account quota is 150 records per job: 240 go as 2 jobs of 120; the teacher
    // has no records-per-job quota in the account, so the default 50,000 keeps it to one job.
    expect(jobs.filter((j) => j.modelId === BATCH_STUDENT).map((j) => j.recordCount)).toEqual([
      120, 120,
    ]);
    expect(jobs.filter((j) => j.modelId === BATCH_TEACHER).map((j) => j.recordCount)).toEqual([
      240,
    ]);
    const day = new Date().toISOString().slice(0, 10);
    expect(batchPlanNotes(batchOverview(exp.db, exp.experimentId), modelName)).toEqual([
      "Both models: records per input file 50,000 is AWS's documented default.",
      `${TEACHER}: input file size 1 GB from your account (Service Quotas, read ${day}); minimum records per job 100, records per job 50,000, job size 5 GB are AWS's documented defaults.`,
      `${STUDENT}: minimum records per job 50, records per job 150, job size 2 GB from your account (Service Quotas, read ${day}); input file size 1 GB is AWS's documented default.`,
      `${STUDENT}: 240 records exceed the 150 records per job, so they go as 2 jobs (120 + 120 records, 2 input files).`,
    ]);
  });

  it('keeps the last read for offline planning when a later read fails or nothing answers', async () => {
    const { stands, exp, clients } = await setUp(10);
    const first = await refreshAccountQuotas(
      exp.db,
      clients.quotas,
      () => new Date('2026-12-01T08:00:00Z'),
    );
    expect(first.problem).toBeNull();
    stands.quotas.failWith('ServiceException');
    const second = await refreshAccountQuotas(exp.db, clients.quotas);
    expect(second.read?.readAt).toBe('2026-12-01T08:00:00.000Z');
    expect(second.read?.quotas).toEqual(ACCOUNT_QUOTAS);
    expect(second.problem).toMatch(/the quotas last read on 2026-12-01 apply/);
    expect(lastAccountQuotas(exp.db)?.readAt).toBe('2026-12-01T08:00:00.000Z');
    // Offline: nothing answers at all; the last read still applies.
    await stands.quotas.close();
    const offline = await refreshAccountQuotas(exp.db, clients.quotas);
    expect(offline.read?.quotas).toEqual(ACCOUNT_QUOTAS);
    expect(offline.problem).toMatch(
      /^Service Quotas could not be reached to read your account's batch quotas \(.*ECONNREFUSED.*\); the quotas last read on 2026-12-01 apply\.$/,
    );
  });

  it('goes ahead on the documented defaults when Service Quotas denies access, and names the IAM action', async () => {
    const { stands, exp, clients } = await setUp(240);
    stands.quotas.failWith('AccessDeniedException');
    const stored = await setup(exp, clients);
    expect(stored.modelQuotas?.map((m) => [m.modelId, m.quotas, m.fromAccount, m.readAt])).toEqual([
      [BATCH_TEACHER, DEFAULT_BATCH_QUOTAS, [], null],
      [BATCH_STUDENT, DEFAULT_BATCH_QUOTAS, [], null],
    ]);
    expect(listBatchJobs(exp.db, exp.experimentId).map((j) => j.recordCount)).toEqual([240, 240]);
    const notes = batchPlanNotes(batchOverview(exp.db, exp.experimentId), modelName);
    // Why first, then what both models share, said once.
    expect(notes).toEqual([
      "Your account's batch quotas could not be read: the credentials need servicequotas:ListServiceQuotas. Until then AWS's documented defaults apply.",
      "Both models: all quotas are AWS's documented defaults (minimum records per job 100, records per job 50,000, records per input file 50,000, input file size 1 GB, job size 5 GB).",
    ]);
    expect(lastAccountQuotas(exp.db)).toBeNull();
  });

  it('plans on the fallback quotas saved in Settings when Service Quotas denies access, and says so', async () => {
    const { stands, exp, clients } = await setUp(240);
    stands.quotas.failWith('AccessDeniedException');
    saveBatchSettings(exp.db, {
      ...DEFAULT_BATCH_SETTINGS,
      quotas: { ...NO_SAVED_QUOTAS, minRecordsPerJob: 50, maxRecordsPerJob: 150 },
    });
    const stored = await setup(exp, clients);
    const planned = { ...DEFAULT_BATCH_QUOTAS, minRecordsPerJob: 50, maxRecordsPerJob: 150 };
    expect(stored.modelQuotas?.map((m) => [m.quotas, m.fromAccount, m.fromSettings])).toEqual([
      [planned, [], ['minRecordsPerJob', 'maxRecordsPerJob']],
      [planned, [], ['minRecordsPerJob', 'maxRecordsPerJob']],
    ]);
    // 240 records over the saved 150 per job: two jobs of 120 for each model.
    expect(listBatchJobs(exp.db, exp.experimentId).map((j) => j.recordCount)).toEqual([
      120, 120, 120, 120,
    ]);
    const notes = batchPlanNotes(batchOverview(exp.db, exp.experimentId), modelName);
    expect(notes.slice(0, 2)).toEqual([
      "Your account's batch quotas could not be read: the credentials need servicequotas:ListServiceQuotas. Until then your saved fallback quotas (and AWS's documented defaults for the others) apply.",
      "Both models: minimum records per job 50, records per job 150 are your saved fallback and records per input file 50,000, input file size 1 GB, job size 5 GB are AWS's documented defaults.",
    ]);
  });

  it("takes the account's quota over a saved fallback, and names each source", async () => {
    const { exp, clients } = await setUp(240);
    saveBatchSettings(exp.db, {
      ...DEFAULT_BATCH_SETTINGS,
      quotas: { ...NO_SAVED_QUOTAS, maxRecordsPerJob: 120, maxFileBytes: 2 * 1024 ** 3 },
    });
    await setup(exp, clients);
    const jobs = listBatchJobs(exp.db, exp.experimentId);
    // The student's account quota (150 per job) wins over the saved 120 (both give 2 jobs of
    // 120, the plan notes below tell them apart); the teacher has none in the account, so the
    // saved 120 splits its 240 records into 2 jobs.
    expect(jobs.filter((j) => j.modelId === BATCH_STUDENT).map((j) => j.recordCount)).toEqual([
      120, 120,
    ]);
    expect(jobs.filter((j) => j.modelId === BATCH_TEACHER).map((j) => j.recordCount)).toEqual([
      120, 120,
    ]);
    const day = new Date().toISOString().slice(0, 10);
    expect(batchPlanNotes(batchOverview(exp.db, exp.experimentId), modelName).slice(0, 3)).toEqual([
      "Both models: records per input file 50,000 is AWS's documented default.",
      `${TEACHER}: input file size 1 GB from your account (Service Quotas, read ${day}); records per job 120 is your saved fallback; minimum records per job 100, job size 5 GB are AWS's documented defaults.`,
      `${STUDENT}: minimum records per job 50, records per job 150, job size 2 GB from your account (Service Quotas, read ${day}); input file size 2 GB is your saved fallback.`,
    ]);
  });
});
