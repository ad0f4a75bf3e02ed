import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startStandInProcess, type StandInProcess } from '../support/standInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { seriousViolations, type AxeFinding } from './support/axe';
import { DatasetsPage } from './pages/DatasetsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';

/**
 * Accessibility in Chromium: axe-core (WCAG 2.1 A/AA and best practices) on every screen and
 * state a user meets, with zero serious or critical findings; the main controls reachable and
 * usable by keyboard alone; every chart with its numbers as a table.
 */
let standIn: StandInProcess;
let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;

test.beforeAll(async () => {
  standIn = await startStandInProcess(join(__dirname, '..', '..'));
  await standIn.control('reset', {});
});
test.afterAll(async () => {
  await standIn.stop();
});
test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-a11y-');
  host = await launchHost(tmp.dir, standInEnv(standIn.url));
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

/** Screens other engineers may add; checked when their navigation entry exists. */
const LATER_SCREENS = ['roi', 'report', 'bill'] as const;

async function runSample(page: Page): Promise<ExperimentsPage> {
  const datasets = new DatasetsPage(page);
  await page.getByTestId('add-sample').click();
  await expect(datasets.cards).toHaveCount(8);
  const experiments = new ExperimentsPage(page);
  await experiments.open();
  await experiments.setNumber('exp-repeats', '1');
  await experiments.createAndRun();
  await experiments.waitForStatus('completed');
  return experiments;
}

test('no serious or critical axe findings on any screen', async ({ page }) => {
  test.setTimeout(120_000);
  const findings: Record<string, AxeFinding[]> = {};
  const check = async (screen: string) => {
    const found = await seriousViolations(page);
    if (found.length > 0) findings[screen] = found;
  };
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await check('Paragraphs: first run');
  await page.getByTestId('add-sample').click();
  await expect(datasets.cards).toHaveCount(8);
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

  await page.getByTestId('nav-quality').click();
  await page.locator('[data-testid="quality-screen"][data-app-state="ready"]').waitFor();
  for (const tab of ['summary', 'paragraphs', 'judge', 'rate']) {
    await page.getByTestId(`quality-tab-${tab}`).click();
    await check(`Quality: ${tab}`);
  }
  for (const id of LATER_SCREENS) {
    await page.getByTestId(`nav-${id}`).click();
    await page.locator('main [data-app-state="ready"]').first().waitFor();
    await check(id);
  }
  await page.getByTestId('nav-settings').click();
  await page.locator('[data-testid="settings-screen"][data-app-state="ready"]').waitFor();
  await check('Settings');
  expect(findings).toEqual({});
});

/** Presses Tab until focus comes back round, and returns what got focus, in order. */
async function tabCycle(page: Page, max = 300): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      return (
        el.dataset.testid ??
        el.getAttribute('aria-label') ??
        el.textContent?.trim().slice(0, 30) ??
        el.tagName
      );
    });
    if (seen.length > 5 && name === seen[0]) break;
    seen.push(name);
  }
  return seen;
}

test('the main controls are reachable and usable with the keyboard alone', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  const first = await tabCycle(page);
  expect(first).toEqual(
    expect.arrayContaining(['nav-datasets', 'nav-experiments', 'nav-settings', 'add-sample']),
  );

  // Enter on a focused control does what a click does.
  await page.getByTestId('add-sample').focus();
  await page.keyboard.press('Enter');
  await expect(datasets.cards).toHaveCount(8);
  const editor = await tabCycle(page);
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

  await page.getByTestId('nav-experiments').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="experiments-screen"][data-app-state="ready"]').waitFor();
  const setup = await tabCycle(page);
  expect(setup).toEqual(
    expect.arrayContaining(['experiment-name', 'experiment-dataset', 'start-experiment']),
  );
  await page.getByTestId('exp-repeats').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.getByTestId('start-experiment').focus();
  await page.keyboard.press('Enter');
  await new ExperimentsPage(page).waitForStatus('completed');

  await page.getByTestId('nav-settings').focus();
  await page.keyboard.press('Space');
  await page.locator('[data-testid="settings-screen"][data-app-state="ready"]').waitFor();
  const settings = await tabCycle(page);
  expect(settings).toContain('test-connection');
});

test('every chart has its numbers in a table', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await runSample(page);
  let checked = 0;
  for (const id of ['quality', ...LATER_SCREENS]) {
    await page.getByTestId(`nav-${id}`).click();
    await page.locator('main [data-app-state="ready"]').first().waitFor();
    const charts = page.locator('figure.chart-box');
    if (id === 'quality') await expect(charts.first()).toBeVisible();
    const count = await charts.count();
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      // The drawing is labelled as an image, and its figures are a real table with data rows.
      await expect(chart.locator('[role="img"][aria-label]').first()).toBeAttached();
      const table = chart.locator('details.chart-figures table');
      await expect(table, `${id} chart ${i}`).toHaveCount(1);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await table.locator('th[scope="col"]').count()).toBeGreaterThan(1);
      await chart.locator('details.chart-figures summary').click();
      await expect(table).toBeVisible();
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});
