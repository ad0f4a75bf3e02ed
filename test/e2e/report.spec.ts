import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { seedReportDataDir } from '../support/reportFixture';
import { expect, test } from './support/fixtures';
import { ReportPage } from './pages/ReportPage';

test.use({
  seeded: async ({ dataDir }, use) => use(await seedReportDataDir(dataDir, { paragraphs: 10 })),
});

test('preview the report, change its paper, and download it as a PDF', async ({
  page,
  host,
  seeded,
}) => {
  const report = new ReportPage(page);
  await report.open(host.url);
  await expect(report.preview).toContainText('Move summarization from Llama 3 70B to Llama 3 8B?');
  // One of the ten calls failed, so nine paragraphs pair up: too few for a verdict either way.
  await expect(report.answer).toContainText('Not yet: too few paragraphs');
  await expect(report.answer).toContainText('score 1 more paragraph with reference summaries');
  await expect(report.scenario(0)).toBeChecked();
  await expect(report.scenario(1)).toBeChecked();
  await expect(report.scenarioPages).toHaveCount(2);
  await expect(report.printChart('cost-volume')).toHaveCount(2);

  // One scenario off: the preview follows.
  await report.scenario(1).uncheck();
  await report.waitForPreview();
  await expect(report.scenarioPages).toHaveCount(1);
  await report.choosePaper('Letter');
  await expect(report.paper('letter')).toHaveCount(1);

  const pdf = await report.download('pdf');
  expect(pdf.suggestedFilename()).toMatch(
    /^quarterly-summaries-70b-vs-8b-report-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const file = test.info().outputPath('report.pdf');
  await pdf.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toContain('(letter)');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('Move summarization from Llama 3 70B to Llama 3 8B?');
  expect(text).toContain(`experiment ${seeded?.experimentId}`);
  expect(text).not.toContain('Provisioned 8B at 2 million a month');
});

test('download the runs and scenario CSV, and a bundle that imports as a new experiment', async ({
  page,
  host,
}) => {
  const report = new ReportPage(page);
  await report.open(host.url);

  const runs = await report.download('runs');
  const runsFile = test.info().outputPath('runs.csv');
  await runs.saveAs(runsFile);
  const csv = readFileSync(runsFile, 'utf8');
  expect(csv.startsWith('\uFEFF"experiment_id","experiment_name"')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 20);

  const scenarios = await report.download('scenarios');
  const scenariosFile = test.info().outputPath('scenarios.csv');
  await scenarios.saveAs(scenariosFile);
  expect(readFileSync(scenariosFile, 'utf8')).toContain(
    '"Distilled 8B at 3 million requests a month"',
  );

  const bundle = await report.download('bundle');
  expect(bundle.suggestedFilename()).toMatch(/\.distill\.json$/);
  const bundleFile = test.info().outputPath('bundle.distill.json');
  await bundle.saveAs(bundleFile);
  await report.importBundle(bundleFile);
  await expect(report.importResult).toContainText('10 paragraphs, 20 calls');
  await expect(report.experiments).toHaveCount(2);
});
