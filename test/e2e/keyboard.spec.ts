import { expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { RoiPage } from './pages/RoiPage';

test('a skip link, focus on the new screen heading, arrow keys in segmented controls, one stop per slider and field', async ({
  page,
  host,
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
  const checked = roi.checkedChoice('horizon');
  const first = await checked.textContent();
  await checked.focus();
  await page.keyboard.press('ArrowRight');
  await expect(checked).not.toHaveText(first ?? '');
  await expect(checked).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(checked).toHaveText(first ?? '');

  // Tab goes from one assumption's field to the next one's field, not through its slider.
  await roi.input('volume').focus();
  await page.keyboard.press('Tab');
  await expect(roi.input('growth')).toBeFocused();
  // The slider still moves with the keyboard once focused (the field stays the tab stop).
  await roi.nudge('volume', -1);
  await expect(roi.input('volume')).not.toHaveValue('1,000,000');
});
