import { expect, test } from '@playwright/test';
import { launchHost, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { DatasetsPage } from './pages/DatasetsPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-import-');
  host = await launchHost(tmp.dir);
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('the import dialog starts on a new dataset, keeps focus inside, and closes on Escape', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await datasets.createDataset('Support tickets');
  await datasets.pickFile('more.txt', 'text/plain', 'First paragraph.\n\nSecond paragraph.');
  await expect(datasets.importDialog.getByTestId('import-counts')).toContainText('2');
  // Adding to the open dataset is a choice, never the default.
  await expect(datasets.importDialog.getByTestId('import-target')).toHaveValue('new');

  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const inside = await datasets.importDialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(datasets.importDialog).toHaveCount(0);
  await expect(datasets.cards).toHaveCount(0);
});
