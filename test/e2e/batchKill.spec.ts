import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startBatchStandInProcess, type BatchStandInProcess } from '../support/batchStandInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { seedParagraphs } from '../support/seedParagraphs';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';

let tmp: ReturnType<typeof makeTempDir>;
let stands: BatchStandInProcess;
const hosts: LaunchedHost[] = [];
const env = () => ({
  ...standInEnv('http://127.0.0.1:9'),
  AWS_ENDPOINT_URL_S3: stands.s3Url,
  AWS_ENDPOINT_URL_BEDROCK: stands.bedrockUrl,
  DISTILL_ROI_BATCH_POLL_MS: '50',
});

test.beforeEach(async () => {
  stands = await startBatchStandInProcess(join(__dirname, '..', '..'), {
    STAND_IN_ACCESS_KEYS: standInEnv('http://127.0.0.1:9').AWS_ACCESS_KEY_ID ?? '',
    STAND_IN_STEP_MS: '20',
    STAND_IN_HOLD_BEFORE: 'InProgress',
  });
  tmp = makeTempDir('distill-e2e-batch-kill-');
  await seedParagraphs(tmp.dir, 'Batch paragraphs', 120);
});
test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  await stands.stop();
  tmp.cleanup();
});

test('the app killed with -9 while its batch jobs run picks them up again when restarted', async ({
  page,
}) => {
  const first = await launchHost(tmp.dir, env());
  hosts.push(first);
  await page.goto(first.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.enable(
    's3://distill-batch/e2e-kill',
    'arn:aws:iam::111122223333:role/BedrockBatchRole',
  );
  await experiments.createAndRun();
  await expect(batch.jobStatuses).toHaveText(['Scheduled', 'Scheduled'], { timeout: 30_000 });

  const exited = new Promise((resolve) => first.process.once('exit', resolve));
  first.process.kill('SIGKILL');
  await exited;
  hosts.splice(hosts.indexOf(first), 1);
  stands.child.kill('SIGUSR2');

  const second = await launchHost(tmp.dir, env());
  hosts.push(second);
  await page.goto(second.url);
  await experiments.open();
  await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
    timeout: 60_000,
  });
  await expect(batch.stored).toHaveText(['360 / 0 / 0', '360 / 0 / 0']);
});
