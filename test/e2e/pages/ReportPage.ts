import { execFileSync } from 'node:child_process';
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
  async show(timeout?: number): Promise<void> {
    await new AppShell(this.page).goTo('report');
    await this.waitForPreview(timeout);
  }

  /** Waits for the preview; `timeout` for experiments large enough to take seconds. */
  async waitForPreview(timeout?: number): Promise<void> {
    await expect(this.preview).toHaveAttribute('data-state', 'ready', { timeout });
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
  /** The list's entry for the experiment being reported on. */
  get selectedExperiment(): Locator {
    return this.page.getByTestId('report-experiment-list').locator('[aria-current="true"]');
  }
  /** The preview's scenario pages. */
  get scenarioPages(): Locator {
    return this.preview.getByTestId('report-scenario');
  }
  /** A chart in the preview (SVG, as printed): `cost-volume`, `cash-flow`, `latency`, … */
  printChart(name: string): Locator {
    return this.preview.getByTestId(`print-chart-${name}`);
  }
  /** The preview laid out on a paper size. */
  paper(size: 'a4' | 'letter'): Locator {
    return this.preview.locator(`.rpt-paper-${size}`);
  }
  /** The verdict's evidence table in the preview. */
  get verdictEvidence(): Locator {
    return this.preview.getByTestId('verdict-evidence');
  }
  /** How often the intervals held, in the preview. */
  get intervalCoverage(): Locator {
    return this.preview.getByTestId('interval-coverage');
  }
  get importResult(): Locator {
    return this.page.getByTestId('import-result');
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

  /**
   * Exports the PDF into `file` and returns its text as `pdftotext` reads it, whitespace runs
   * folded to one space so a sentence wrapped across lines still matches.
   */
  async pdfText(file: string): Promise<string> {
    const pdf = await this.download('pdf');
    await pdf.saveAs(file);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  }

  async importBundle(file: string): Promise<void> {
    await this.page.getByTestId('import-bundle-input').setInputFiles(file);
    await expect(this.importResult).toBeVisible({ timeout: 15_000 });
  }
}
