import { join } from 'node:path';
import { REPORT_STUDENT, REPORT_STUDENT2, seedReportDataDir } from '../support/reportFixture';
import { expect, test } from './support/fixtures';
import { AppShell, type ScreenId } from './pages/AppShell';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';
import { RoiPage } from './pages/RoiPage';

/**
 * Issue 12: every screen fits 1280×720 without the page scrolling sideways, with results in
 * (two students, so the widest tables), and the run controls stay in view. A wide table may
 * scroll inside its own box; the page itself must not.
 */
test.use({
  viewport: { width: 1280, height: 720 },
  seeded: async ({ dataDir }, use) =>
    use(
      await seedReportDataDir(dataDir, {
        paragraphs: 6,
        students: [REPORT_STUDENT, REPORT_STUDENT2],
      }),
    ),
});

const SCREENS: ScreenId[] = [
  'datasets',
  'experiments',
  'quality',
  'roi',
  'distill',
  'report',
  'bill',
  'settings',
];

test('no screen scrolls sideways at 1280×720, and the run controls stay in view', async ({
  page,
  host,
  seeded,
}) => {
  const shell = new AppShell(page);
  const experiments = new ExperimentsPage(page);
  await shell.open(host.url);
  const overflow: Record<string, number> = {};
  for (const id of SCREENS) {
    await shell.goTo(id);
    if (id === 'experiments') await expect(experiments.summary).toBeVisible();
    if (id === 'quality') await expect(new QualityPage(page).comparisonTable).toBeVisible();
    if (id === 'roi') {
      // Three scenarios to compare: the two saved ones and the one on screen.
      const roi = new RoiPage(page);
      await roi.chooseEvidence({ value: seeded?.experimentId ?? '' });
      await expect(roi.prefillNotes).toContainText('measured runs');
      await expect(roi.compareTable).toBeVisible();
      // Differing assumptions are highlighted: the presets differ in volume at least.
      await expect(roi.differingRows).not.toHaveCount(0);
    }
    if (id === 'report') await new ReportPage(page).waitForPreview();
    await page.screenshot({
      path: join(test.info().outputDir, `${id}-1280x720.png`),
      fullPage: true,
    });
    overflow[id] = Math.max(0, await shell.sidewaysOverflow());
  }
  expect(overflow).toEqual(Object.fromEntries(SCREENS.map((id) => [id, 0])));

  await shell.goTo('experiments');
  await expect(experiments.summary).toBeVisible();
  for (const [name, control] of [
    ['delete-experiment', experiments.deleteButton],
    ['run-panel', experiments.runPanel],
  ] as const) {
    const box = await control.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x + box!.width, `${name} is cut off on the right`).toBeLessThanOrEqual(1280);
  }
  // The side-by-side view and the per-model table fit too.
  await experiments.sideBySide.scrollIntoViewIfNeeded();
  expect(await shell.sidewaysOverflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(test.info().outputDir, 'results-1280x720.png') });
});

test('the quality comparison table fits its box at 1280×720 and 1440×900, no sideways scroll', async ({
  page,
  host,
}) => {
  const shell = new AppShell(page);
  const quality = new QualityPage(page);
  await shell.open(host.url);
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shell.goTo('quality');
    const table = quality.comparisonTable;
    await expect(table).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(test.info().outputDir, `quality-${width}x${height}.png`) });
    expect(await shell.innerOverflow(table)).toBeLessThanOrEqual(0);
    const box = await table.boundingBox();
    expect(box!.x + box!.width, 'the table is cut off on the right').toBeLessThanOrEqual(width);
  }
});
