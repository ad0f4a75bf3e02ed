import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startStandInProcess, type StandInProcess } from '../support/standInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

/**
 * Issue 12, one status source: while a run goes, the experiment list and the run panel tell the
 * same progress, and outputs appear as calls complete, not only once the run ends.
 */
const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';

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
  tmp = makeTempDir('distill-e2e-status-');
  host = await launchHost(tmp.dir, standInEnv(standIn.url));
  // Slow enough to watch: 16 calls, one at a time, 250 ms each.
  for (const id of [TEACHER, STUDENT]) {
    await standIn.control(`models/${encodeURIComponent(id)}`, { latencyMs: 250 });
  }
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

/** "7 / 16 calls · …" or "running · 7/16 calls · …": the calls done. */
const doneIn = (text: string | null) => Number(/(\d+) ?\/ ?\d+ calls/.exec(text ?? '')?.[1] ?? -1);

test('the list and the panel agree while calls complete, and outputs appear during the run', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await page.getByTestId('add-sample').click();
  await expect(datasets.cards).toHaveCount(8);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '1');
  await experiments.setNumber('exp-concurrency', '1');
  await experiments.createAndRun();

  const listLine = page.getByTestId('experiment-list-progress').first();
  await expect.poll(async () => doneIn(await experiments.figures.textContent())).toBeGreaterThan(3);
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'running');
  await expect(listLine).toContainText('running');
  // Both read one snapshot: the list never lags behind the panel.
  await expect
    .poll(async () => {
      const panel = doneIn(await experiments.figures.textContent());
      const list = doneIn(await listLine.textContent());
      return list === panel || list === panel + 1;
    })
    .toBe(true);
  // Outputs are shown while the run is still going.
  await expect(page.getByTestId('output-cell').first()).toBeVisible();
  await expect(experiments.runPanel).toHaveAttribute('data-status', 'running');

  await experiments.waitForStatus('completed');
  await expect(listLine).toContainText('completed · 16/16 calls');
});
