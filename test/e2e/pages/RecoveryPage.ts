import { expect, type Locator, type Page } from '@playwright/test';

/** The recovery screen the app shows instead of itself when its data file cannot be used. */
export class RecoveryPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-testid="recovery-screen"][data-app-state="recovery"]').waitFor();
  }

  get problem(): Locator {
    return this.page.getByTestId('recovery-problem');
  }
  get backup(): Locator {
    return this.page.getByTestId('recovery-backup');
  }
  get done(): Locator {
    return this.page.getByTestId('recovery-done');
  }

  async chooseRestore(): Promise<void> {
    await this.page.getByTestId('recovery-restore').click();
    await expect(this.page.getByTestId('recovery-confirm-box')).toBeVisible();
  }

  async cancel(): Promise<void> {
    await this.page
      .getByTestId('recovery-confirm-box')
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect(this.page.getByTestId('recovery-confirm-box')).toHaveCount(0);
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('recovery-confirm').click();
    await this.done.waitFor();
  }

  async continueToApp(): Promise<void> {
    await this.page.getByTestId('recovery-continue').click();
  }
}
