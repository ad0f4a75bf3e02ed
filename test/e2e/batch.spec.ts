import { BATCH_STAND_INS, expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';

test.use({
  ...BATCH_STAND_INS,
});

test('run an experiment as batch jobs from the form and follow them in the job panel', async ({
  page,
  host,
}) => {
  await new AppShell(page).open(host.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.enable('s3://bucket', 'not-a-role');
  await expect(batch.problems.first()).toContainText('Service role ARN must look like');
  await expect(experiments.startButton).toBeDisabled();

  await batch.enable('s3://distill-batch/e2e', 'arn:aws:iam::111122223333:role/BedrockBatchRole');
  await expect(batch.problems).toHaveCount(0);
  await experiments.createAndRun();
  await expect(batch.panel).toBeVisible();
  // Service Quotas cannot be reached: the panel says the quotas are AWS's documented defaults.
  await expect(batch.planNote).toContainText(
    "your account's Service Quotas have not been read, so all quotas are AWS's documented defaults",
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
