import { seedExperiments } from '../support/seedDataDir';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { QualityPage } from './pages/QualityPage';

// Stored results, as a long run leaves them: 400 paragraphs, and a small study of 12.
test.use({
  seeded: async ({ dataDir }, use) => {
    await seedExperiments(dataDir, [
      { name: 'Small study', paragraphs: 12 },
      { name: 'Large study', paragraphs: 400 },
    ]);
    await use(null);
  },
});

test('the difference chart draws a bar per paragraph for a small study, a histogram for a large one', async ({
  page,
  host,
}) => {
  const q = new QualityPage(page);
  await new AppShell(page).open(host.url);
  await q.open();

  await q.chooseExperiment('Small study');
  await q.chooseMetric('rougeL@reference');
  await expect(q.differenceChart).toContainText('minus teacher');
  await expect(q.differenceFigureRows).toHaveCount(12);

  // 400 bars (and 400 figure rows) cannot be read: bands of 0.1 from −1 to 1, every paragraph
  // counted once, each still listed in the per-paragraph table.
  await q.chooseExperiment('Large study');
  await q.chooseMetric('rougeL@reference');
  await expect(q.differenceChart).toContainText('400 paragraphs');
  await expect(q.differenceFigureRows).toHaveCount(20);
  const counts = await q.differenceCounts();
  expect(counts.reduce((a, b) => a + b, 0)).toBe(400);
  await q.differenceChart.screenshot({ path: '.tmp/screens/quality-difference-histogram.png' });
  await q.tab('paragraphs');
  await expect(q.rowsShown).toContainText('Showing 200 of 400 paragraphs');
});
