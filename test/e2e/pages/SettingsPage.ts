import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/**
 * The Settings screen as a user sees it: credentials, region, endpoint, hang detection and the
 * test call.
 */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('settings');
  }
  get endpoint(): Locator {
    return this.page.getByLabel(/^Endpoint/);
  }
  /** Hang detection: seconds before a stream's first event, and of silence between events. */
  get firstEventLimit(): Locator {
    return this.page.getByLabel(/^First event within/);
  }
  get idleLimit(): Locator {
    return this.page.getByLabel(/^Silence between events/);
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
  /** Save, expecting a refusal: the form stays unsaved. */
  async saveRefused(): Promise<void> {
    await this.page.getByTestId('save-settings').click();
    await expect(this.saveState).toHaveText('Unsaved changes');
  }
}
