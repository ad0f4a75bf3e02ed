import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { seriousViolations, type AxeFinding } from './support/axe';
import { AppShell } from './pages/AppShell';
import { Charts } from './pages/Charts';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';

/**
 * Accessibility in Chromium: axe-core (WCAG 2.1 A/AA and best practices) on every screen and
 * state a user meets, with zero serious or critical findings; the main controls reachable and
 * usable by keyboard alone; every chart with its numbers in text beside the drawing.
 */
test.use(RUNTIME_STAND_IN);

test('no serious or critical axe findings on any screen', async ({ page, host }) => {
  test.setTimeout(120_000);
  const findings: Record<string, AxeFinding[]> = {};
  const check = async (screen: string) => {
    const found = await seriousViolations(page);
    if (found.length > 0) findings[screen] = found;
  };
  const shell = new AppShell(page);
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await check('Paragraphs: first run');
  await datasets.addSample();
  await check('Paragraphs: editor');
  await datasets.pickFile('notes.csv', 'text/csv', 'text,reference\nOne,Ref\n,missing text\n');
  await check('Paragraphs: import preview');
  await datasets.cancelImport();

  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await check('Experiments: setup');
  await experiments.setNumber('exp-repeats', '1');
  await experiments.createAndRun();
  await experiments.waitForStatus('completed');
  await check('Experiments: run panel and results');

  const quality = new QualityPage(page);
  await quality.open();
  for (const tab of ['summary', 'paragraphs', 'judge', 'rate'] as const) {
    await quality.tab(tab);
    await check(`Quality: ${tab}`);
  }
  await shell.goTo('roi');
  await check('ROI');
  await shell.goTo('report');
  await new ReportPage(page).waitForPreview();
  await check('Report');
  await shell.goTo('bill');
  await check('Bill');
  await shell.goTo('settings');
  await check('Settings');
  expect(findings).toEqual({});
});

test('the main controls are reachable and usable with the keyboard alone', async ({
  page,
  host,
}) => {
  const shell = new AppShell(page);
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  const first = await shell.tabCycle();
  expect(first).toEqual(
    expect.arrayContaining(['nav-datasets', 'nav-experiments', 'nav-settings', 'add-sample']),
  );

  // Enter on a focused control does what a click does.
  await datasets.addSampleButton.focus();
  await page.keyboard.press('Enter');
  await expect(datasets.cards).toHaveCount(8);
  const editor = await shell.tabCycle();
  expect(editor).toEqual(
    expect.arrayContaining([
      'new-dataset-name',
      'dataset-name',
      'import-file',
      'paragraph-text',
      'paragraph-reference',
      'delete-paragraph',
      'composer-text',
    ]),
  );

  await shell.navEntry('experiments').focus();
  await page.keyboard.press('Enter');
  await shell.screen('experiments').waitFor();
  const setup = await shell.tabCycle();
  expect(setup).toEqual(
    expect.arrayContaining(['experiment-name', 'experiment-dataset', 'start-experiment']),
  );
  const experiments = new ExperimentsPage(page);
  await experiments.field('exp-repeats').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await experiments.startButton.focus();
  await page.keyboard.press('Enter');
  await experiments.waitForStatus('completed');

  await shell.navEntry('settings').focus();
  await page.keyboard.press('Space');
  await shell.screen('settings').waitFor();
  const settings = await shell.tabCycle();
  expect(settings).toContain('test-connection');
});

test('every chart on every screen with charts has its numbers in text, and passes axe', async ({
  page,
  sampleRun,
}) => {
  void sampleRun;
  const shell = new AppShell(page);
  const charts = new Charts(page);
  const counted: Record<string, number> = {};
  const findings: Record<string, AxeFinding[]> = {};

  // Screen charts: a canvas labelled as an image, and its figures in a real table with data rows.
  for (const id of ['quality', 'roi'] as const) {
    await shell.goTo(id);
    await expect(charts.screen.first()).toBeVisible();
    const count = await charts.screen.count();
    for (let i = 0; i < count; i++) {
      const chart = charts.screen.nth(i);
      await expect(charts.drawing(chart), `${id} chart ${i}`).toBeAttached();
      const table = charts.figuresTable(chart);
      await expect(table, `${id} chart ${i}`).toHaveCount(1);
      expect(await charts.dataRows(table).count()).toBeGreaterThan(0);
      expect(await charts.columnHeads(table).count()).toBeGreaterThan(1);
      await charts.openFigures(chart);
      await expect(table).toBeVisible();
    }
    counted[id] = count;
    const found = await seriousViolations(page, Charts.SCREEN);
    if (found.length > 0) findings[id] = found;
  }

  // Print charts (the report's preview, as in the PDF): an SVG labelled as an image, with the
  // figures it draws written under it.
  await shell.goTo('report');
  await new ReportPage(page).waitForPreview();
  await expect(charts.print.first()).toBeVisible();
  const count = await charts.print.count();
  for (let i = 0; i < count; i++) {
    const chart = charts.print.nth(i);
    const drawing = charts.drawing(chart);
    await expect(drawing, `report chart ${i}`).toBeAttached();
    const note = (await charts.printedNote(chart).textContent()) ?? '';
    expect(note, `report chart ${i}`).toMatch(/\d/);
    expect(await drawing.getAttribute('aria-label')).toContain(note);
  }
  counted.report = count;
  const found = await seriousViolations(page, Charts.PRINT);
  if (found.length > 0) findings.report = found;

  expect(findings).toEqual({});
  // Every screen that has charts showed some: a selector that matched none would fail here.
  for (const id of ['quality', 'roi', 'report']) expect(counted[id], id).toBeGreaterThan(0);
});
