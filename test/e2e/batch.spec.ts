import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startBatchStandInProcess, type BatchStandInProcess } from '../support/batchStandInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { seedParagraphs } from '../support/seedParagraphs';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let stands: BatchStandInProcess;
const KEY = standInEnv('http://127.0.0.1:9').AWS_ACCESS_KEY_ID ?? '';

test.beforeAll(async () => {
  stands = await startBatchStandInProcess(join(__dirname, '..', '..'), {
    STAND_IN_ACCESS_KEYS: KEY,
    STAND_IN_STEP_MS: '20',
  });
});
test.afterAll(async () => {
  await stands.stop();
});
test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-batch-');
  await seedParagraphs(tmp.dir, 'Batch paragraphs', 120);
  host = await launchHost(tmp.dir, {
    ...standInEnv('http://127.0.0.1:9'),
    AWS_ENDPOINT_URL_S3: stands.s3Url,
    AWS_ENDPOINT_URL_BEDROCK: stands.bedrockUrl,
    DISTILL_ROI_BATCH_POLL_MS: '50',
  });
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('run an experiment as batch jobs from the form and follow them in the job panel', async ({
  page,
}) => {
  await page.goto(host.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.enable('s3://bucket', 'not-a-role');
  await expect(batch.problems.first()).toContainText('Service role ARN must look like');
  await expect(page.getByTestId('start-experiment')).toBeDisabled();

  await batch.enable('s3://distill-batch/e2e', 'arn:aws:iam::111122223333:role/BedrockBatchRole');
  await expect(batch.problems).toHaveCount(0);
  await experiments.createAndRun();
  await expect(batch.panel).toBeVisible();
  // Service Quotas is not read: the panel says the quotas are AWS's documented defaults.
  await expect(page.getByTestId('batch-plan-note').first()).toContainText(
    "These are AWS's documented defaults, not read from your account",
  );
  await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
    timeout: 60_000,
  });
  // 120 paragraphs × the form's default 3 repeats.
  await expect(batch.stored).toHaveText(['360 / 0 / 0', '360 / 0 / 0']);
  // Batch calls have no latency: the summary says so instead of showing a figure.
  await expect(batch.batchLatency).toHaveCount(2);
  await expect(batch.batchLatency.first()).toHaveText('batch: no latency');
});
