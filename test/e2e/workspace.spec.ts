import { seedExperiments } from '../support/seedDataDir';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { ExperimentsPage } from './pages/ExperimentsPage';
import { QualityPage } from './pages/QualityPage';
import { ReportPage } from './pages/ReportPage';

/**
 * Issue 12: screens keep the experiment the analyst chose. Experiments, Quality and Report share
 * one choice; with none made they show the newest, so the older one is the one to choose.
 */
const OLDER = 'Older study';
const NEWER = 'Newer study';

test.use({
  seeded: async ({ dataDir }, use) => {
    const [older] = await seedExperiments(dataDir, [
      { name: OLDER, paragraphs: 3 },
      { name: NEWER, paragraphs: 3 },
    ]);
    await use({ experimentId: older?.experimentId ?? '' });
  },
});

test('the experiment chosen on one screen stays chosen on Experiments, Quality and Report', async ({
  page,
  host,
}) => {
  const shell = new AppShell(page);
  const experiments = new ExperimentsPage(page);
  const quality = new QualityPage(page);
  const report = new ReportPage(page);
  await shell.open(host.url);
  await experiments.open();
  // Nothing chosen yet: the newest is on screen.
  await expect(experiments.selectedEntry).toContainText(NEWER);
  await experiments.choose(OLDER);
  await expect(experiments.selectedEntry).toContainText(OLDER);
  await expect(experiments.detail).toContainText(OLDER);

  await quality.open();
  await expect(quality.chosenExperiment).toContainText(OLDER);
  await report.show();
  await expect(report.selectedExperiment).toContainText(OLDER);
  await experiments.open();
  await expect(experiments.selectedEntry).toContainText(OLDER);
  await expect(experiments.detail).toContainText(OLDER);

  // And after the window is reloaded.
  await shell.reload();
  await experiments.open();
  await expect(experiments.selectedEntry).toContainText(OLDER);

  // Chosen on Quality, the other way: Experiments follows, and Quality keeps it.
  await quality.open();
  await quality.chooseExperiment(NEWER);
  await expect(quality.chosenExperiment).toContainText(NEWER);
  await experiments.open();
  await expect(experiments.selectedEntry).toContainText(NEWER);
  await expect(experiments.detail).toContainText(NEWER);
  await quality.open();
  await expect(quality.chosenExperiment).toContainText(NEWER);
});
