import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Settings screen as a user sees it: credentials, region, endpoint and the test call. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('settings');
  }
  get endpoint(): Locator {
    return this.page.getByLabel(/^Endpoint/);
  }
  get saveState(): Locator {
    return this.page.getByTestId('settings-save-state');
  }
  get result(): Locator {
    return this.page.getByTestId('connection-result');
  }
  get testedWhat(): Locator {
    return this.page.getByTestId('connection-what');
  }
  async testConnection(): Promise<void> {
    const button = this.page.getByTestId('test-connection');
    await button.click();
    await expect(button).toHaveText('Test connection');
    await expect(this.result).toBeVisible();
  }
  async save(): Promise<void> {
    await this.page.getByTestId('save-settings').click();
    await expect(this.saveState).toContainText('Saved');
  }
}
