import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every screen: the skip link, the sidebar and the main region. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-app-state="ready"]').first().waitFor();
  }
  get skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content' });
  }
  get main(): Locator {
    return this.page.getByRole('main');
  }
  async go(screen: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: screen })
      .click();
  }
  /** The screen's heading, once keyboard focus is on it. */
  focusedHeading(): Locator {
    return this.main.locator('h1:focus');
  }
  async expectFocused(locator: Locator): Promise<void> {
    await expect(locator).toBeFocused();
  }
}
