import { expect, RUNTIME_STAND_IN, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
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

test('Hang limits are typed in seconds, refused out of range naming the field, and kept', async ({
  page,
  host,
}) => {
  await new DatasetsPage(page).open(host.url);
  const settings = new SettingsPage(page);
  await settings.open();
  // Empty: derived from the model's measured time to first token.
  await expect(settings.firstEventLimit).toHaveValue('');
  await expect(settings.idleLimit).toHaveValue('');

  await settings.idleLimit.fill('0.5');
  await settings.saveRefused();
  await expect(new AppShell(page).errorBanner).toContainText(
    'stallIdleMs: The silence allowed between two events must be from 1 s to 600 s',
  );

  await settings.idleLimit.fill('2.5');
  await settings.firstEventLimit.fill('45');
  await settings.save();
  await page.reload();
  await settings.open();
  await expect(settings.idleLimit).toHaveValue('2.5');
  await expect(settings.firstEventLimit).toHaveValue('45');

  // Emptied again: back to derived.
  await settings.idleLimit.fill('');
  await settings.save();
  await page.reload();
  await settings.open();
  await expect(settings.idleLimit).toHaveValue('');
});
