import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { DatasetsPage } from './pages/DatasetsPage';
import { SettingsPage } from './pages/SettingsPage';

test.use(RUNTIME_STAND_IN);

test('Test connection tests the form as it stands, saves nothing, and Save confirms', async ({
  page,
  host,
  standIn,
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
