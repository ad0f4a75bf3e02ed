import { expect, test } from '@playwright/test';
import { launchHost, type LaunchedHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { AppShell } from './pages/AppShell';
import { RoiPage } from './pages/RoiPage';

let tmp: ReturnType<typeof makeTempDir>;
let host: LaunchedHost;

test.beforeEach(async () => {
  tmp = makeTempDir('distill-e2e-');
  host = await launchHost(tmp.dir);
});
test.afterEach(async () => {
  await host.stop();
  tmp.cleanup();
});

test('a skip link, focus on the new screen heading, arrow keys in segmented controls, one stop per slider and field', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open(host.url);

  // The first Tab reaches the skip link, which is visible when focused and jumps to the screen.
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await expect(shell.skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();

  // Picking a screen puts focus on its heading.
  await shell.go('Settings');
  await expect(shell.focusedHeading()).toHaveText('Settings');
  await shell.go('ROI');
  await expect(shell.focusedHeading()).toHaveText('ROI what-if');

  // Arrow keys move the choice inside a segmented control; it is one tab stop.
  const roi = new RoiPage(page);
  const horizon = page.getByTestId('horizon');
  const checked = horizon.getByRole('radio', { checked: true });
  const first = await checked.textContent();
  await checked.focus();
  await page.keyboard.press('ArrowRight');
  const now = horizon.getByRole('radio', { checked: true });
  await expect(now).not.toHaveText(first ?? '');
  await expect(now).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(horizon.getByRole('radio', { checked: true })).toHaveText(first ?? '');

  // Tab goes from one assumption's field to the next one's field, not through its slider.
  await roi.input('volume').focus();
  await page.keyboard.press('Tab');
  await expect(roi.input('growth')).toBeFocused();
  // The slider still moves with the keyboard once focused (the field stays the tab stop).
  await roi.nudge('volume', -1);
  await expect(roi.input('volume')).not.toHaveValue('1,000,000');
});
