import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/**
 * The Settings screen as a user sees it: credentials, region, endpoint, hang detection, batch
 * inference and the test call.
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
  /** Batch inference: the role and S3 location batch experiments start from. */
  get batchRole(): Locator {
    return this.page.getByTestId('batch-settings-role');
  }
  get batchS3(): Locator {
    return this.page.getByTestId('batch-settings-s3');
  }
  /** A fallback quota by its label: 'Records per job', 'Job size', ... */
  batchQuota(label: string): Locator {
    return this.page.getByTestId('batch-settings').getByLabel(new RegExp(`^${label} `));
  }
  get batchSection(): Locator {
    return this.page.getByTestId('batch-settings');
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
