import { join } from 'node:path';
import { standInEnv } from '../support/hostLauncher';
import { REPORT_STUDENT, REPORT_STUDENT2, seedReportDataDir } from '../support/reportFixture';
import type { ServingStandIn } from '../support/servingStandIn';
import { expect, test as base } from './support/fixtures';
import { withServingControl } from './support/servingControl';
import { AppShell, type ScreenId } from './pages/AppShell';
import { CustomModelsPage } from './pages/CustomModelsPage';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';
import { RoiPage } from './pages/RoiPage';

/** The control plane that serves custom models, so the Custom models screen lists one. */
const test = base.extend<{ control: ServingStandIn }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  control: async ({}, use) => withServingControl(use),
});

/**
 * Issue 12: every screen fits 1280×720 without the page scrolling sideways, with results in
 * (two students, so the widest tables), and the run controls stay in view. A wide table may
 * scroll inside its own box; the page itself must not.
 */
test.use({
  viewport: { width: 1280, height: 720 },
  // No runtime calls (a closed port); the control plane lists one custom model.
  hostEnv: async ({ control }, use) =>
    use({ ...standInEnv('http://127.0.0.1:9'), AWS_ENDPOINT_URL_BEDROCK: control.url }),
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
  'customModels',
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
    if (id === 'customModels') {
      // A listed model with its serve form open, the widest the screen gets before serving.
      const customModels = new CustomModelsPage(page);
      await customModels.list();
      await expect(customModels.models).toHaveCount(1);
      await customModels.openServeForm();
      await expect(customModels.serveForm).toBeVisible();
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
  // Scrolled down to the outputs, the navigation is still there.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await shell.navInView()).toBe(true);
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
