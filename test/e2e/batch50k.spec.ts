import { seedParagraphs } from '../support/seedParagraphs';
import { BATCH_STAND_INS, expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';

const PARAGRAPHS = 50_000;

test.use({
  ...BATCH_STAND_INS,
  seeded: async ({ dataDir }, use) => {
    await seedParagraphs(dataDir, 'Fifty thousand', PARAGRAPHS);
    await use(null);
  },
});

test('a 50,000-paragraph experiment runs as batch from the form, and feeds quality and the report', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await new AppShell(page).open(host.url);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '1');
  const batch = new BatchPanel(page);
  await batch.enable('s3://distill-batch/e2e', 'arn:aws:iam::111122223333:role/BedrockBatchRole');
  await experiments.createAndRun();
  await expect(batch.jobStatuses).toHaveText(['Completed · collected', 'Completed · collected'], {
    timeout: 240_000,
  });
  await expect(batch.stored).toHaveText(['50,000 / 0 / 0', '50,000 / 0 / 0']);
  await page.screenshot({ path: '/tmp/e2e50k/results.png' });
  const quality = new QualityPage(page);
  let t0 = Date.now();
  await quality.open();
  await expect(quality.summary).toBeVisible({ timeout: 60_000 });
  console.log('quality ms', Date.now() - t0);
  await page.screenshot({ path: '/tmp/e2e50k/quality.png' });
  const report = new ReportPage(page);
  t0 = Date.now();
  await report.show(120_000);
  console.log('report preview ms', Date.now() - t0);
  await page.screenshot({ path: '/tmp/e2e50k/report.png', fullPage: true });
});
