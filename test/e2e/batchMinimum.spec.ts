/**
 * Below the batch minimum the app says so and offers on demand instead, beside the message: one
 * click turns the form to on demand with everything else as typed, and the run then completes.
 */
import { BATCH_WITH_RUNTIME, expect, test } from './support/fixtures';
import { BatchPanel } from './pages/BatchPanel';

// The sample's few paragraphs, not the 120 the batch seed writes: below the minimum.
test.use({ hostEnv: BATCH_WITH_RUNTIME.hostEnv });

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
