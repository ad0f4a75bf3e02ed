import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startStandInProcess, type StandInProcess } from '../support/standInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let standIn: StandInProcess;

test.beforeAll(async () => {
  standIn = await startStandInProcess(join(__dirname, '..', '..'));
});
test.afterAll(async () => {
  await standIn.stop();
});
test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-');
  // Fake keys through the default chain; the endpoint variable points the real SDK at the stand-in.
  host = await launchHost(tmp.dir, standInEnv(standIn.url));
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('set up an experiment, run it, watch progress and read the outputs side by side', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await page.getByTestId('add-sample').click();
  await expect(datasets.cards).toHaveCount(8);

  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '2');
  await expect(experiments.estimate).toContainText('32 calls');
  await experiments.createAndRun();
  await expect(experiments.runPanel).toHaveAttribute('data-status', /running|completed/);
  await experiments.waitForStatus('completed');
  await expect(experiments.figures).toContainText('32 / 32 calls · 0 failed');

  await expect(experiments.summary.locator('tbody tr')).toHaveCount(2);
  await expect(experiments.summary).toContainText('Llama 3 70B Instruct');
  await expect(experiments.rows).toHaveCount(8);
  const firstRow = experiments.rows.first();
  await expect(firstRow.getByTestId('output-cell')).toHaveCount(2);
  await expect(firstRow.getByTestId('output-cell').first()).toContainText('Tokens');
  await expect(firstRow.locator('mark.diff').first()).toBeVisible();
});

test('a run above its budget asks before it spends', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await page.getByTestId('add-sample').click();
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '1');
  await experiments.setNumber('exp-budget', '0.001');
  await expect(page.getByTestId('over-budget')).toBeVisible();
  await experiments.createAndRun();
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'draft');
  await experiments.runPanel.getByTestId('resume-run').click();
  await expect(page.getByTestId('error-banner')).toContainText('above the budget');
  await page.getByTestId('confirm-over-budget').click();
  // Confirmed, it runs until the money spent reaches the budget, then pauses itself.
  await experiments.waitForStatus('paused');
  await expect(experiments.runPanel).toContainText(/budget/i);
});

test('Test connection makes one small call and explains the answer', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('test-connection').click();
  await expect(page.getByTestId('connection-result')).toContainText('Connected');
});
