import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchHost, type LaunchedHost } from '../support/hostLauncher';
import { seedReportDataDir, type ReportFixture } from '../support/reportFixture';
import { makeTempDir } from '../support/tempDir';
import { ReportPage } from './pages/ReportPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let fixture: ReportFixture;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-report-');
  fixture = await seedReportDataDir(join(tmp.dir, 'data'), { paragraphs: 10 });
  host = await launchHost(join(tmp.dir, 'data'));
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('preview the report, change its paper, and download it as a PDF', async ({ page }) => {
  const report = new ReportPage(page);
  await report.open(host.url);
  await expect(report.preview).toContainText('Move summarization from Llama 3 70B to Llama 3 8B?');
  // One of the ten calls failed, so nine paragraphs pair up: too few for a verdict either way.
  await expect(report.answer).toContainText('Not yet: too few paragraphs');
  await expect(report.answer).toContainText('score 1 more paragraph with reference summaries');
  await expect(report.scenario(0)).toBeChecked();
  await expect(report.scenario(1)).toBeChecked();
  await expect(report.preview.getByTestId('report-scenario')).toHaveCount(2);
  await expect(report.preview.getByTestId('print-chart-cost-volume')).toHaveCount(2);

  // One scenario off: the preview follows.
  await report.scenario(1).uncheck();
  await report.waitForPreview();
  await expect(report.preview.getByTestId('report-scenario')).toHaveCount(1);
  await report.choosePaper('Letter');
  await expect(report.preview.locator('.rpt-paper-letter')).toHaveCount(1);

  const pdf = await report.download('pdf');
  expect(pdf.suggestedFilename()).toMatch(
    /^quarterly-summaries-70b-vs-8b-report-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const file = join(tmp.dir, 'report.pdf');
  await pdf.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toContain('(letter)');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('Move summarization from Llama 3 70B to Llama 3 8B?');
  expect(text).toContain(`experiment ${fixture.experimentId}`);
  expect(text).not.toContain('Provisioned 8B at 2 million a month');
});

test('download the runs and scenario CSV, and a bundle that imports as a new experiment', async ({
  page,
}) => {
  const report = new ReportPage(page);
  await report.open(host.url);

  const runs = await report.download('runs');
  const runsFile = join(tmp.dir, 'runs.csv');
  await runs.saveAs(runsFile);
  const csv = readFileSync(runsFile, 'utf8');
  expect(csv.startsWith('\uFEFF"experiment_id","experiment_name"')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 20);

  const scenarios = await report.download('scenarios');
  const scenariosFile = join(tmp.dir, 'scenarios.csv');
  await scenarios.saveAs(scenariosFile);
  expect(readFileSync(scenariosFile, 'utf8')).toContain(
    '"Distilled 8B at 3 million requests a month"',
  );

  const bundle = await report.download('bundle');
  expect(bundle.suggestedFilename()).toMatch(/\.distill\.json$/);
  const bundleFile = join(tmp.dir, 'bundle.distill.json');
  await bundle.saveAs(bundleFile);
  await report.importBundle(bundleFile);
  await expect(page.getByTestId('import-result')).toContainText('10 paragraphs, 20 calls');
  await expect(report.experiments).toHaveCount(2);
});
