import type { Locator, Page } from '@playwright/test';

/** The Bill screen: range, cost notice, Fetch/Refresh, and the billed vs computed table. */
export class BillPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-app-state="ready"]').first().waitFor();
    await this.page.getByTestId('nav-bill').click();
    await this.page.locator('[data-testid="bill-screen"][data-app-state="ready"]').waitFor();
  }
  get from(): Locator {
    return this.page.getByTestId('bill-from');
  }
  get to(): Locator {
    return this.page.getByTestId('bill-to');
  }
  get notice(): Locator {
    return this.page.getByTestId('bill-cost-notice');
  }
  get fetchButton(): Locator {
    return this.page.getByTestId('bill-fetch');
  }
  get table(): Locator {
    return this.page.getByTestId('bill-table');
  }
  get tableHead(): Locator {
    return this.table.locator('thead');
  }
  get updated(): Locator {
    return this.page.getByTestId('bill-updated');
  }
  get otherUsage(): Locator {
    return this.page.getByTestId('bill-other-usage');
  }
  get notes(): Locator {
    return this.page.getByTestId('bill-notes');
  }
  get error(): Locator {
    return this.page.getByTestId('error-banner');
  }
  get byTag(): Locator {
    return this.page.getByTestId('bill-by-tag');
  }
  get tagged(): Locator {
    return this.page.getByTestId('bill-tagged');
  }
  get tags(): Locator {
    return this.page.getByTestId('bill-tags');
  }
  /** Unfolds the cost allocation tags section. */
  async openTags(): Promise<void> {
    await this.tags.locator('summary').click();
  }
  get createProfiles(): Locator {
    return this.page.getByTestId('bill-create-profiles');
  }
  get profiles(): Locator {
    return this.page.getByTestId('bill-profiles');
  }
  /** The profiles created, one entry each. */
  get profileEntries(): Locator {
    return this.profiles.locator('li');
  }
  /** Per profile: how many stored calls were sent through it. */
  get profileCalls(): Locator {
    return this.profiles.getByTestId('bill-profile-calls');
  }
  /** The model's block: its figures row and its explanations. */
  model(name: string): Locator {
    return this.page.getByTestId('bill-model').filter({ hasText: name });
  }
  cells(name: string): Locator {
    return this.model(name).locator('tr').first().locator('td');
  }
}
