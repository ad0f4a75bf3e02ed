import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { launchHost, type LaunchedHost } from '../support/hostLauncher';
import {
  REPORT_STUDENT,
  REPORT_STUDENT2,
  seedReportDataDir,
  type ReportFixture,
} from '../support/reportFixture';
import { makeTempDir } from '../support/tempDir';

/**
 * Issue 12: every screen fits 1280×720 without the page scrolling sideways, with results in
 * (two students, so the widest tables), and the run controls stay in view. A wide table may
 * scroll inside its own box; the page itself must not.
 */
test.use({ viewport: { width: 1280, height: 720 } });

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let fixture: ReportFixture;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-layout-');
  fixture = await seedReportDataDir(join(tmp.dir, 'data'), {
    paragraphs: 6,
    students: [REPORT_STUDENT, REPORT_STUDENT2],
  });
  host = await launchHost(join(tmp.dir, 'data'));
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

/** How far the page scrolls sideways: 0 when it fits. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement;
    return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
  });

async function openScreen(page: Page, id: string, ready: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await page.locator(`[data-testid="${ready}"][data-app-state="ready"]`).waitFor();
}

const SCREENS = [
  ['datasets', 'datasets-screen'],
  ['experiments', 'experiments-screen'],
  ['quality', 'quality-screen'],
  ['roi', 'roi-screen'],
  ['distill', 'distill-screen'],
  ['report', 'report-screen'],
  ['bill', 'bill-screen'],
  ['settings', 'settings-screen'],
] as const;

test('no screen scrolls sideways at 1280×720, and the run controls stay in view', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.locator('[data-app-state="ready"]').first().waitFor();
  const overflow: Record<string, number> = {};
  for (const [id, ready] of SCREENS) {
    await openScreen(page, id, ready);
    if (id === 'experiments') await expect(page.getByTestId('model-summary')).toBeVisible();
    if (id === 'quality') await expect(page.getByTestId('comparison-table')).toBeVisible();
    if (id === 'roi') {
      // Three scenarios to compare: the two saved ones and the one on screen.
      await page.getByTestId('evidence-experiment').selectOption(fixture.experimentId);
      await expect(page.getByTestId('prefill-notes')).toContainText('measured runs');
      await expect(page.getByTestId('compare-table')).toBeVisible();
      // Differing assumptions are highlighted: the presets differ in volume at least.
      await expect(
        page.locator('[data-testid="compare-table"] tr[data-differs="true"]'),
      ).not.toHaveCount(0);
    }
    if (id === 'report') {
      await expect(page.getByTestId('report-preview')).toHaveAttribute('data-state', 'ready');
    }
    await page.screenshot({
      path: join(test.info().outputDir, `${id}-1280x720.png`),
      fullPage: true,
    });
    overflow[id] = Math.max(0, await sidewaysOverflow(page));
  }
  expect(overflow).toEqual(Object.fromEntries(SCREENS.map(([id]) => [id, 0])));

  await openScreen(page, 'experiments', 'experiments-screen');
  await expect(page.getByTestId('model-summary')).toBeVisible();
  for (const control of ['delete-experiment', 'run-panel']) {
    const box = await page.getByTestId(control).first().boundingBox();
    expect(box, control).not.toBeNull();
    expect(box!.x + box!.width, `${control} is cut off on the right`).toBeLessThanOrEqual(1280);
  }
  // The side-by-side view and the per-model table fit too.
  await page.getByTestId('side-by-side').scrollIntoViewIfNeeded();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(test.info().outputDir, 'results-1280x720.png') });
});

/** How far a box's own content scrolls sideways: 0 when everything in it is in view. */
const innerOverflow = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((table) => {
    const box = table.closest('.table-scroll') ?? table;
    return box.scrollWidth - box.clientWidth;
  });

test('the quality comparison table fits its box at 1280×720 and 1440×900, no sideways scroll', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.locator('[data-app-state="ready"]').first().waitFor();
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openScreen(page, 'quality', 'quality-screen');
    const table = page.getByTestId('comparison-table');
    await expect(table).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(test.info().outputDir, `quality-${width}x${height}.png`) });
    expect(await innerOverflow(page, 'comparison-table')).toBeLessThanOrEqual(0);
    const box = await table.boundingBox();
    expect(box!.x + box!.width, 'the table is cut off on the right').toBeLessThanOrEqual(width);
  }
});
