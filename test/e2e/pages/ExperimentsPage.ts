import { expect, type Locator, type Page } from '@playwright/test';

/** The experiments screen: setup, run panel and results, as a user works them. */
export class ExperimentsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-experiments').click();
    await this.page.locator('[data-testid="experiments-screen"][data-app-state="ready"]').waitFor();
  }

  get estimate(): Locator {
    return this.page.getByTestId('estimate');
  }
  get runPanel(): Locator {
    return this.page.getByTestId('run-panel');
  }
  get figures(): Locator {
    return this.page.getByTestId('run-figures');
  }
  get rows(): Locator {
    return this.page.getByTestId('sbs-row');
  }
  get summary(): Locator {
    return this.page.getByTestId('model-summary');
  }

  async setNumber(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  async createAndRun(): Promise<void> {
    await expect(this.page.getByTestId('setup-problem')).toHaveCount(0);
    await expect(this.estimate).toBeVisible();
    await this.page.getByTestId('start-experiment').click();
    await this.runPanel.waitFor();
  }

  async waitForStatus(status: string | RegExp, timeout = 60_000): Promise<void> {
    await expect(this.runPanel).toHaveAttribute('data-status', status, { timeout });
  }
}
