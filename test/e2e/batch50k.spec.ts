import { seedParagraphs } from '../support/seedParagraphs';
import { BATCH_STAND_INS, expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { BatchPanel } from './pages/BatchPanel';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';

/** The size: 50,000 paragraphs, one call per model each, 100,000 batch records. */
const PARAGRAPHS = 50_000;
const STUDENT = 'meta.llama3-8b-instruct-v1:0';

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
  // Seconds, not minutes, at this size: the jobs take about 20 s in the stand-ins, collecting
  // and scoring 100,000 results about 15 s, the quality figures and the PDF a few seconds each.
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
  await expect(experiments.runStatus).toHaveText('Completed');

  // Quality: ROUGE against the teacher on every paragraph, with its interval.
  const quality = new QualityPage(page);
  await quality.open();
  await expect(quality.facts).toContainText('50,000 paragraphs', { timeout: 60_000 });
  await expect(quality.chosenExperiment).toContainText('100,000/100,000 calls');
  await expect(quality.mean('rougeL@teacher', STUDENT)).toHaveText(
    /^0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]$/,
  );

  // Per paragraph: sorted over all 50,000, drawn a page at a time.
  await quality.tab('paragraphs');
  await expect(quality.paragraphRows).toHaveCount(200);
  await expect(quality.rowsShown).toContainText('Showing 200 of 50,000 paragraphs');
  await quality.showMoreRows();
  await expect(quality.paragraphRows).toHaveCount(400);

  // The report says what it rests on: every call, the scores it has, and no latency from batch.
  const report = new ReportPage(page);
  await report.show(60_000);
  const rests = [
    '50,000 paragraphs from "Fifty thousand", 1 call per model each',
    '100,000 calls to Amazon Bedrock, 0 failed',
    'ROUGE vs teacher on 50,000 paragraphs',
  ];
  for (const line of rests) await expect(report.preview).toContainText(line);
  await expect(report.preview).toContainText('batch: no latency');
  await expect(report.preview).not.toContainText('not scored yet');

  const text = await report.pdfText(test.info().outputPath('batch50k.pdf'));
  for (const line of rests) expect(text).toContain(line);
  expect(text).toContain('batch: no latency');
});
