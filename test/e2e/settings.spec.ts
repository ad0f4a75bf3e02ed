import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { startStandInProcess, type StandInProcess } from '../support/standInProcess';
import { launchHost, standInEnv, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { DatasetsPage } from './pages/DatasetsPage';
import { SettingsPage } from './pages/SettingsPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;
let standIn: StandInProcess;

test.beforeAll(async () => {
  standIn = await startStandInProcess(join(__dirname, '..', '..'));
});
test.afterAll(async () => {
  await standIn.stop();
});
test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-');
  host = await launchHost(tmp.dir, standInEnv(standIn.url));
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('Test connection tests the form as it stands, saves nothing, and Save confirms', async ({
  page,
}) => {
  await new DatasetsPage(page).open(host.url);
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.testConnection();
  await expect(settings.result).toContainText('Connected');

  // An endpoint typed but not saved is the one tested: nothing answers there.
  await settings.endpoint.fill('http://127.0.0.1:9');
  await expect(settings.testedWhat).toContainText('endpoint http://127.0.0.1:9');
  await settings.testConnection();
  await expect(settings.result).not.toContainText('Connected');
  await expect(settings.saveState).toHaveText('Unsaved changes');

  // Testing saved nothing: after a reload the endpoint is still empty and the test connects.
  await page.reload();
  await settings.open();
  await expect(settings.endpoint).toHaveValue('');
  await settings.testConnection();
  await expect(settings.result).toContainText('Connected');

  // Saving says so.
  await settings.endpoint.fill(standIn.url);
  await settings.save();
  await expect(settings.saveState).toHaveText('Saved: new runs use these settings.');
});
