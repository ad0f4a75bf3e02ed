import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Report screen: options, the preview, the exports and the bundle import. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await new AppShell(this.page).open(url);
    await this.show();
  }

  /** Goes to the Report screen from the sidebar and waits for its preview. */
  async show(): Promise<void> {
    await new AppShell(this.page).goTo('report');
    await this.waitForPreview();
  }

  async waitForPreview(): Promise<void> {
    await expect(this.preview).toHaveAttribute('data-state', 'ready');
  }

  get preview(): Locator {
    return this.page.getByTestId('report-preview');
  }
  get answer(): Locator {
    return this.page.getByTestId('report-answer');
  }
  get experiments(): Locator {
    return this.page.getByTestId('report-experiment-list').locator('li');
  }
  scenario(index: number): Locator {
    return this.page.getByTestId(`report-scenario-${index}`);
  }

  async choosePaper(paper: 'A4' | 'Letter'): Promise<void> {
    await this.page.getByTestId('report-paper').selectOption(paper);
    await this.waitForPreview();
  }

  /** Clicks an export button and returns the download it starts. */
  async download(kind: 'pdf' | 'runs' | 'scenarios' | 'bundle'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.getByTestId(`download-${kind}`).click(),
    ]);
    return download;
  }

  async importBundle(file: string): Promise<void> {
    await this.page.getByTestId('import-bundle-input').setInputFiles(file);
    await expect(this.page.getByTestId('import-result')).toBeVisible({ timeout: 15_000 });
  }
}
