import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { DatasetsPage } from './pages/DatasetsPage';
import { ReportPage } from './pages/ReportPage';
import { RoiPage } from './pages/RoiPage';

/**
 * Issue 12, "one source of truth": the seed study typed in with its own prices. The teacher
 * answers in 69 input and 82 output tokens, the student in 69 and 73, as the seed's measured
 * paragraph did; the analyst types the seed's $0.0004 for the 8B input price (the catalog says
 * $0.0003). Every surface must then show $0.00046985, $0.0000714 and 6.58×.
 */
const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';
const TEACHER_PER_REQUEST = '$0.00046985';
const STUDENT_PER_REQUEST = '$0.0000714';
const RATIO = '6.58×';

test.use(RUNTIME_STAND_IN);

// The seed's measured paragraph: the teacher answers in 69 input and 82 output tokens, the
// student in 69 and 73.
test.beforeEach(async ({ standIn }) => {
  await standIn.control(`models/${encodeURIComponent(TEACHER)}`, {
    latencyMs: 20,
    output: 'teacher',
    inputTokens: 69,
    outputTokens: 82,
  });
  await standIn.control(`models/${encodeURIComponent(STUDENT)}`, {
    latencyMs: 20,
    inputTokens: 69,
    outputTokens: 73,
  });
});

test('a price typed into the experiment form is the price on every screen, in the PDF and the CSV', async ({
  page,
  sampleSetup: experiments,
}) => {
  await experiments.setNumber('exp-repeats', '1');
  await experiments.priceField('Llama 3 8B Instruct', 'input').fill('0.0004');
  await expect(experiments.priceOrigin(STUDENT)).toContainText('typed for this experiment');
  await experiments.createAndRun();
  await experiments.waitForStatus('completed');

  // Results: the per-model summary.
  await expect(experiments.summary).toContainText(TEACHER_PER_REQUEST);
  await expect(experiments.summary).toContainText(STUDENT_PER_REQUEST);
  await expect(experiments.summary).toContainText(RATIO);

  // ROI: prefilled from the experiment, at the price it ran under (not the catalog's).
  const roi = new RoiPage(page);
  await roi.show();
  await roi.chooseFirstEvidence();
  await expect(roi.figure('per-request')).toContainText(TEACHER_PER_REQUEST);
  await expect(roi.figure('per-request')).toContainText(STUDENT_PER_REQUEST);
  await expect(roi.figure('per-request')).toContainText(`costs ${RATIO} the student`);
  // The price panel says which price applies, and where it came from.
  await expect(roi.priceApplies('student')).toContainText(
    '$0.0004 in / $0.0006 out per 1,000 tokens: typed for this experiment',
  );

  // The report and its PDF, then the runs CSV.
  const report = new ReportPage(page);
  await report.show();
  await expect(report.preview).toContainText(TEACHER_PER_REQUEST);
  await expect(report.preview).toContainText(STUDENT_PER_REQUEST);
  await expect(report.preview).toContainText(RATIO);
  const pdf = await report.download('pdf');
  const pdfFile = test.info().outputPath('report.pdf');
  await pdf.saveAs(pdfFile);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain(TEACHER_PER_REQUEST);
  expect(text).toContain(STUDENT_PER_REQUEST);
  expect(text).toContain(RATIO);
  expect(text).toContain('typed for this experiment');

  const runs = await report.download('runs');
  const csvFile = test.info().outputPath('runs.csv');
  await runs.saveAs(csvFile);
  const [header, ...rows] = readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
  const columns = (header ?? '').replace('\uFEFF', '').split(',');
  const cost = columns.indexOf('"cost_usd"');
  const model = columns.indexOf('"model_id"');
  const costs = new Map(rows.map((r) => r.split(',')).map((c) => [c[model], c[cost]]));
  expect(costs.get(`"${TEACHER}"`)).toBe(TEACHER_PER_REQUEST.slice(1));
  expect(costs.get(`"${STUDENT}"`)).toBe(STUDENT_PER_REQUEST.slice(1));
});

test('a paragraph edited after a run keeps its old text beside the old outputs', async ({
  page,
  sampleRun,
}) => {
  const experiments = sampleRun;
  const datasets = new DatasetsPage(page);
  await new AppShell(page).goTo('datasets');
  await expect(datasets.cards).toHaveCount(8);
  const oldText = await datasets.paragraphEditor(0).inputValue();
  const newText = 'An entirely rewritten first paragraph about a different quarter.';
  const editor = datasets.paragraphEditor(0);
  await editor.fill(newText);
  await editor.blur();
  await expect(datasets.editedSinceRun(0)).toBeVisible();

  // A second click on the sample opens it instead of adding a copy.
  await datasets.addSampleFromList();
  await expect(datasets.datasets).toHaveCount(1);

  await experiments.open();
  const firstRow = experiments.rows.first();
  await expect(experiments.editedSinceRun(firstRow)).toBeVisible();
  await expect(experiments.sourceText(firstRow)).toHaveText(oldText);
  await expect(experiments.rows.filter({ hasText: newText })).toHaveCount(0);
});
