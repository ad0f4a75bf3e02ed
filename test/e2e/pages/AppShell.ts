import { expect, type Locator, type Page } from '@playwright/test';

/** The screens the sidebar leads to, by the id their navigation entry and screen carry. */
export type ScreenId =
  | 'datasets'
  | 'experiments'
  | 'quality'
  | 'roi'
  | 'distill'
  | 'customModels'
  | 'report'
  | 'bill'
  | 'settings';

/**
 * How a screen's section is found once it has read what it shows. The Custom models screen reads
 * nothing before the analyst asks it to list (its own test id, no loading state).
 */
const SCREEN_READY: Partial<Record<ScreenId, string>> = {
  customModels: '[data-testid="custom-models-screen"]',
};

/** The frame around every screen: the skip link, the sidebar and the main region. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Opens the app at `url` (the host's, with its token) and waits until it has loaded. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForApp();
  }
  /** Reloads the window, as a user pressing F5 would, and waits until the app is back. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForApp();
  }
  async waitForApp(): Promise<void> {
    await this.page.locator('[data-app-state="ready"]').first().waitFor();
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content' });
  }
  get main(): Locator {
    return this.page.getByRole('main');
  }
  /** Clicks a sidebar entry by its visible name. */
  async go(screen: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: screen })
      .click();
  }
  /** The app's error banner, above the screen. */
  get errorBanner(): Locator {
    return this.page.getByTestId('error-banner');
  }
  /** An alert the screen raised (a refused input, a failed call). */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
  navEntry(id: ScreenId): Locator {
    return this.page.getByTestId(`nav-${id}`);
  }
  /** The screen, once it has read what it shows. */
  screen(id: ScreenId): Locator {
    return this.page.locator(
      SCREEN_READY[id] ?? `[data-testid="${id}-screen"][data-app-state="ready"]`,
    );
  }
  /** Goes to a screen from the sidebar and waits until it is ready. */
  async goTo(id: ScreenId): Promise<void> {
    await this.navEntry(id).click();
    await this.screen(id).waitFor();
  }
  /** The screen's heading, once keyboard focus is on it. */
  focusedHeading(): Locator {
    return this.main.locator('h1:focus');
  }
  async expectFocused(locator: Locator): Promise<void> {
    await expect(locator).toBeFocused();
  }

  /** How far the page scrolls sideways: 0 when it fits the window. */
  sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => {
      const d = document.documentElement;
      return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
    });
  }

  /** Whether every sidebar entry is inside the viewport (as after scrolling a long screen). */
  navInView(): Promise<boolean> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.sidebar .nav-item')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    );
  }

  /** How far a box's own content scrolls sideways (its scroll box, if it has one). */
  innerOverflow(box: Locator): Promise<number> {
    return box.evaluate((el) => {
      const scroller = el.closest('.table-scroll') ?? el;
      return scroller.scrollWidth - scroller.clientWidth;
    });
  }

  /** What has keyboard focus: its test id, else its label, else its text. */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      return (
        el.dataset.testid ??
        el.getAttribute('aria-label') ??
        el.textContent?.trim().slice(0, 30) ??
        el.tagName
      );
    });
  }
  /** Presses Tab until focus comes back round, and returns what got focus, in order. */
  async tabCycle(max = 300): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const name = await this.focusedName();
      if (seen.length > 5 && name === seen[0]) break;
      seen.push(name);
    }
    return seen;
  }
  /** Focuses a control by its test id (to act on it with the keyboard next). */
  async focus(testId: string): Promise<void> {
    await this.page.getByTestId(testId).focus();
  }
}
