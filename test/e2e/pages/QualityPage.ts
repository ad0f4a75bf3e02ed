import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The quality screen: summary tables, per-paragraph scores, the judge and blind rating. */
export class QualityPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('quality');
    await this.page.getByTestId('quality-view').waitFor();
  }

  async tab(id: 'summary' | 'paragraphs' | 'judge' | 'rate'): Promise<void> {
    await this.page.getByTestId(`quality-tab-${id}`).click();
  }

  get paragraphRows(): Locator {
    return this.page.getByTestId('paragraph-score-row');
  }
  /** Opens (or closes) the paragraph of the n-th per-paragraph row. */
  async toggleParagraph(n: number): Promise<void> {
    await this.paragraphRows.nth(n).getByTestId('paragraph-open').click();
  }
  get paragraphOutputs(): Locator {
    return this.page.getByTestId('paragraph-outputs');
  }
  tabButton(id: 'summary' | 'paragraphs' | 'judge' | 'rate'): Locator {
    return this.page.getByTestId(`quality-tab-${id}`);
  }

  /** The table comparing the models on every metric. */
  get comparisonTable(): Locator {
    return this.page.getByTestId('comparison-table');
  }
  get summary(): Locator {
    return this.page.getByTestId('quality-summary');
  }
  get facts(): Locator {
    return this.page.getByTestId('quality-facts');
  }
  get rougeStemmed(): Locator {
    return this.page.getByTestId('rouge-stemmed');
  }
  metricRow(key: string): Locator {
    return this.page.getByTestId(`metric-row-${key}`);
  }
  mean(key: string, modelId: string): Locator {
    return this.page.getByTestId(`mean-${key}-${modelId}`);
  }
  preference(source: 'judge' | 'human'): Locator {
    return this.page.getByTestId(`preference-${source}`);
  }

  // Blind rating
  get ratingBox(): Locator {
    return this.page.getByTestId('blind-rating');
  }
  get ratingCount(): Locator {
    return this.page.getByTestId('rating-count');
  }
  get position(): Locator {
    return this.page.getByTestId('rating-position');
  }
  output(label: 'A' | 'B'): Locator {
    return this.page.getByTestId(`blind-output-${label}`);
  }
  revealed(label: 'A' | 'B'): Locator {
    return this.page.getByTestId(`revealed-${label}`);
  }

  async startRating(name: string): Promise<void> {
    await this.tab('rate');
    await this.page.getByTestId('rater-name').fill(name);
    await this.page.getByTestId('rater-start').click();
    await expect(this.ratingBox).toBeFocused();
  }

  /** Presses keys one by one, the way a rater types them. */
  async keys(...keys: string[]): Promise<void> {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  // Judge
  get judgeProgress(): Locator {
    return this.page.getByTestId('judge-progress');
  }
  /** Why the judge's Run button is off, written beside it. */
  get judgeRunWhy(): Locator {
    return this.page.getByTestId('judge-run-why');
  }
  get judgeEstimate(): Locator {
    return this.page.getByTestId('judge-estimate');
  }
}
