import { BATCH_STAND_INS, expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';

test.use({
  ...BATCH_STAND_INS,
  // Jobs wait before InProgress until the stand-ins get SIGUSR2: the kill lands while they run.
  batchStandInEnv: { STAND_IN_HOLD_BEFORE: 'InProgress' },
});

test('the app killed with -9 while its batch jobs run picks them up again when restarted', async ({
  page,
  host,
  batchStandIns,
}) => {
  await new AppShell(page).open(host.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  const batch = new BatchPanel(page);
  await batch.enable(
    's3://distill-batch/e2e-kill',
    'arn:aws:iam::111122223333:role/BedrockBatchRole',
  );
  await experiments.createAndRun();
  await expect(batch.jobStatuses).toHaveText(['Scheduled', 'Scheduled'], { timeout: 30_000 });
  // The jobs make the calls: the run panel says running, with nothing to pause or resume here.
  await expect(experiments.runStatus).toHaveText('Running');
  await expect(experiments.runPanelButtons).toHaveCount(0);

  await host.kill();
  batchStandIns.child.kill('SIGUSR2');

  await host.start();
  await new AppShell(page).open(host.url);
  await experiments.open();
  await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
    timeout: 60_000,
  });
  await expect(batch.stored).toHaveText(['360 / 0 / 0', '360 / 0 / 0']);
});
