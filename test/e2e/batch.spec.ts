import type { Page } from '@playwright/test';
import { BATCH_STAND_INS, expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { SettingsPage } from './pages/SettingsPage';

test.use({
  ...BATCH_STAND_INS,
});

const ROLE = 'arn:aws:iam::111122223333:role/BedrockBatchRole';

/** Opens the app, sends a new experiment of the sample paragraphs to batch, and starts it. */
async function runAsBatch(
  page: Page,
  url: string,
): Promise<{ batch: BatchPanel; experiments: ExperimentsPage }> {
  await new AppShell(page).open(url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.enable('s3://distill-batch/e2e', ROLE);
  await experiments.createAndRun();
  return { batch, experiments };
}

/**
 * The form's batch section at both laptop sizes, for the eye (.tmp/screens), and measured: it
 * neither scrolls sideways nor spills out of the form.
 */
async function shootForm(page: Page, batch: BatchPanel, name: string): Promise<void> {
  const shell = new AppShell(page);
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await batch.fields.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.tmp/screens/batch-form-${name}-${width}x${height}.png` });
    expect(await shell.sidewaysOverflow(), `${name} ${width}×${height}`).toBeLessThanOrEqual(0);
    expect(
      await shell.innerOverflow(batch.fields),
      `${name} ${width}×${height}`,
    ).toBeLessThanOrEqual(0);
    // Each label clear of the field above it; the model boxes apart, not one run of text.
    const spacing = await batch.fieldSpacing();
    expect(Math.min(...spacing.fields), `${name} ${width}×${height}`).toBeGreaterThanOrEqual(8);
    expect(Math.min(...spacing.models), `${name} ${width}×${height}`).toBeGreaterThanOrEqual(12);
  }
}

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

  await batch.enable('s3://distill-batch/e2e', ROLE);
  await expect(batch.problems).toHaveCount(0);
  await shootForm(page, batch, 'unsaved');
  await experiments.createAndRun();
  await expect(batch.panel).toBeVisible();
  // Service Quotas cannot be reached: the panel says so, then, once for both models, that the
  // quotas are AWS's documented defaults.
  await expect(batch.planNotes).toHaveText([
    /^Service Quotas could not be reached to read your account's batch quotas/,
    "Both models: all quotas are AWS's documented defaults (minimum records per job 100, records per job 50,000, records per input file 50,000, input file size 1 GB, job size 5 GB).",
  ]);
  await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
    timeout: 60_000,
  });
  // 120 paragraphs × the form's default 3 repeats.
  await expect(batch.stored).toHaveText(['360 / 0 / 0', '360 / 0 / 0']);
  // Batch calls have no latency: the summary says so instead of showing a figure.
  await expect(batch.batchLatency).toHaveCount(2);
  await expect(batch.batchLatency.first()).toHaveText('batch: no latency');
});

test.describe('credentials that expire while the jobs run', () => {
  // The first poll of a job is refused with ExpiredTokenException; the next ones answer.
  test.use({ batchStandInEnv: { STAND_IN_GET_FAULTS: 'expiredToken' } });

  test('the job panel says tracking stopped and why; Resume follows the jobs to the end', async ({
    page,
    host,
  }) => {
    const { batch, experiments } = await runAsBatch(page, host.url);
    await expect(batch.trackingStopped).toContainText(
      'Tracking stopped: the AWS credentials expired. The jobs carry on in AWS',
      { timeout: 30_000 },
    );
    // The run panel agrees, and offers nothing that would make the batch's calls on demand.
    await expect(experiments.runStatus).toHaveText('Paused');
    await expect(experiments.runPanelButtons).toHaveCount(0);
    await batch.resumeTracking();
    await expect(batch.trackingStopped).toHaveCount(0);
    await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
      timeout: 60_000,
    });
    await expect(batch.stored).toHaveText(['360 / 0 / 0', '360 / 0 / 0']);
  });
});

test('batch settings are saved in Settings, refused naming the field, and prefill the batch form', async ({
  page,
  host,
}) => {
  const shell = new AppShell(page);
  await shell.open(host.url);
  const settings = new SettingsPage(page);
  await settings.open();
  // Nothing saved: empty fields, each quota showing AWS's documented default.
  await expect(settings.batchRole).toHaveValue('');
  await expect(settings.batchQuota('Records per job')).toHaveAttribute('placeholder', '50,000');

  await settings.batchRole.fill('BedrockBatchRole');
  await settings.saveRefused();
  await expect(shell.errorBanner).toContainText(
    'roleArn: Service role ARN must look like arn:aws:iam::123456789012:role/NAME',
  );
  await settings.batchRole.fill(ROLE);
  await settings.batchS3.fill('s3://distill-batch/saved');
  // 360 records per model (120 paragraphs × 3 repeats) over 200 per job: two jobs each.
  await settings.batchQuota('Records per job').fill('200');
  await settings.batchQuota('Minimum records per job').fill('400');
  await settings.saveRefused();
  await expect(shell.errorBanner).toContainText(
    'quotas.minRecordsPerJob: Minimum records per job (400) cannot be above records per job (200).',
  );
  await settings.batchQuota('Minimum records per job').fill('');
  await settings.save();

  await page.reload();
  await settings.open();
  await expect(settings.batchRole).toHaveValue(ROLE);
  await expect(settings.batchS3).toHaveValue('s3://distill-batch/saved');
  await expect(settings.batchQuota('Records per job')).toHaveValue('200');

  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.check();
  await expect(batch.s3Field).toHaveValue('s3://distill-batch/saved');
  await expect(batch.roleField).toHaveValue(ROLE);
  await expect(batch.savedNote).toContainText('Prefilled from Settings › Batch inference');
  await expect(batch.problems).toHaveCount(0);
  await shootForm(page, batch, 'saved');
  await experiments.createAndRun();
  // Service Quotas cannot be reached: the saved fallback is what the plan used, and it says so.
  await expect(batch.planNotes.nth(1)).toContainText(
    'Both models: records per job 200 is your saved fallback and minimum records per job 100,',
  );
  await expect(batch.jobStatuses).toHaveText(new Array(4).fill('Completed · collected'), {
    timeout: 60_000,
  });
});

test.describe('Stop from the job panel', () => {
  // Jobs wait before InProgress until the stand-ins get SIGUSR2: Stop lands while they run.
  test.use({ batchStandInEnv: { STAND_IN_HOLD_BEFORE: 'InProgress' } });

  test('Stop asks first, then stops each job once; the jobs end Stopped with what was recovered', async ({
    page,
    host,
    batchStandIns,
  }) => {
    const { batch, experiments } = await runAsBatch(page, host.url);
    await expect(batch.jobStatuses).toHaveText(['Scheduled', 'Scheduled'], { timeout: 30_000 });

    // Asked first: keeping them running sends nothing to AWS.
    await batch.requestStop();
    await expect(batch.stopConfirmation).toHaveText(
      'Stop 2 jobs in AWS (records not yet processed get no result)',
    );
    await batch.keepRunning();
    await expect(batch.stopConfirmation).toHaveCount(0);
    await expect(batch.stopButton).toBeVisible();
    expect((await batchStandIns.calls()).filter((c) => c.op === 'stop')).toEqual([]);

    await batch.requestStop();
    await batch.confirmStop();
    await expect(batch.jobStatuses).toHaveText(['Stopping', 'Stopping']);
    batchStandIns.child.kill('SIGUSR2');

    await expect(batch.jobStatuses).toHaveText(['Stopped · collected', 'Stopped · collected'], {
      timeout: 60_000,
    });
    // Nothing was processed before the stop: 0 stored, 360 calls without a result, each.
    await expect(batch.stored).toHaveText(['0 / 0 / 360', '0 / 0 / 360']);
    await expect(batch.jobNotes.first()).toContainText(
      'Stopped: the records processed before the stop were collected',
    );
    await expect(batch.stopButton).toHaveCount(0);
    await expect(experiments.runStatus).toHaveText('Incomplete');

    const stops = (await batchStandIns.calls()).filter((c) => c.op === 'stop');
    const created = (await batchStandIns.calls()).filter((c) => c.op === 'create');
    expect(created).toHaveLength(2);
    expect(stops).toHaveLength(2);
    expect(new Set(stops.map((s) => s.job)).size).toBe(2);
    expect(stops.every((s) => s.status === 200)).toBe(true);
  });
});

test.describe('the job panel at laptop sizes', () => {
  // One job partly completed: the longest status, and a note under the table.
  test.use({ batchStandInEnv: { STAND_IN_JOB_OUTCOMES: 'PartiallyCompleted,Completed' } });

  test('two jobs fit the table box at 1280×720 and 1440×900: one-line model cells, nothing scrolls sideways', async ({
    page,
    host,
  }) => {
    const { batch, experiments } = await runAsBatch(page, host.url);
    await expect(batch.jobStatuses).toHaveText(
      ['Partially completed · collected', 'Completed · collected'],
      { timeout: 60_000 },
    );
    // One job left records without a result: the run panel says so in the singular.
    await expect(experiments.runStatusReason).toContainText('; 1 job needs attention');
    // The results below the panel too: their per-model table says "batch: no latency".
    await expect(batch.batchLatency).toHaveCount(2);
    const shell = new AppShell(page);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await batch.jobsTable.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `.tmp/screens/batch-experiment-${width}x${height}.png`,
        fullPage: true,
      });
      expect(await shell.innerOverflow(batch.jobsTable), `${width}×${height}`).toBeLessThanOrEqual(
        0,
      );
      expect(await shell.sidewaysOverflow(), `${width}×${height}`).toBeLessThanOrEqual(0);
      expect(
        await shell.innerOverflow(experiments.summary),
        `per-model table at ${width}×${height}`,
      ).toBeLessThanOrEqual(0);
      expect(await batch.modelCellLines(), `${width}×${height}`).toEqual([1, 1]);
    }
  });
});
