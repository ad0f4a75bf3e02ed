import { expect, test } from './support/fixtures';
import { DatasetsPage } from './pages/DatasetsPage';

test('the import dialog starts on a new dataset, keeps focus inside, and closes on Escape', async ({
  page,
  host,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await datasets.createDataset('Support tickets');
  await datasets.pickFile('more.txt', 'text/plain', 'First paragraph.\n\nSecond paragraph.');
  await expect(datasets.importCounts).toContainText('2');
  // Adding to the open dataset is a choice, never the default.
  await expect(datasets.importTarget).toHaveValue('new');

  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const inside = await datasets.importDialogHasFocus();
    expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(datasets.importDialog).toHaveCount(0);
  await expect(datasets.cards).toHaveCount(0);
});
