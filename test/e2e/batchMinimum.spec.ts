/**
 * Below the batch minimum the app says so and offers on demand instead, beside the message: one
 * click turns the form to on demand with everything else as typed, and the run then completes.
 */
import { expect, test } from './support/fixtures';
import { standInEnv } from '../support/hostLauncher';
import { BatchPanel } from './pages/BatchPanel';

test.use({
  hostEnv: async ({ standIn, batchStandIns }, use) =>
    use({
      ...standInEnv(standIn.url),
      AWS_ENDPOINT_URL_S3: batchStandIns.s3Url,
      AWS_ENDPOINT_URL_BEDROCK: batchStandIns.bedrockUrl,
      // Service Quotas unreachable (a closed port): the plan uses the documented defaults.
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: 'http://127.0.0.1:9',
    }),
});

test('too few records for batch: "Run on demand instead" keeps the form and the run completes on demand', async ({
  sampleSetup: experiments,
  batchStandIns,
}) => {
  await experiments.field('experiment-name').fill('Small sample, on demand');
  await experiments.setNumber('exp-repeats', '1');
  const batch = new BatchPanel(experiments.page);
  await batch.enable('s3://distill-batch/small', 'arn:aws:iam::111122223333:role/BedrockBatchRole');
  await experiments.startButton.click();

  await expect(batch.refusal).toContainText('is below the batch minimum of 100 per job');
  await expect(batch.onDemandInstead).toHaveText('Run on demand instead');
  await batch.useOnDemand();

  await expect(batch.enabledBox).not.toBeChecked();
  await expect(batch.refusal).toHaveCount(0);
  await expect(batch.onDemandInstead).toHaveCount(0);
  await expect(experiments.field('experiment-name')).toHaveValue('Small sample, on demand');
  await expect(experiments.field('exp-repeats')).toHaveValue('1');
  // Turned back on, the batch fields are still as typed.
  await batch.enabledBox.check();
  await expect(batch.problems).toHaveCount(0);
  await batch.enabledBox.uncheck();

  await experiments.createAndRun();
  await experiments.waitForStatus('completed');
  expect(await batchStandIns.calls()).toEqual([]);
});
