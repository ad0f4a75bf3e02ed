import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The quality screen: summary tables, per-paragraph scores, the judge and blind rating. */
export class QualityPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('quality');
    await this.page.getByTestId('quality-view').waitFor();
  }

  /** Picks the experiment to look at, by its name (its entry reads `Name · Dataset · N/N calls`). */
  async chooseExperiment(name: string): Promise<void> {
    const picker = this.page.getByTestId('quality-experiment');
    const entry = picker.locator('option').filter({ hasText: `${name} · ` });
    await picker.selectOption((await entry.getAttribute('value')) ?? '');
  }
  /** Shows `key` (e.g. `rougeL@reference`) in the charts and the paragraph table. */
  async chooseMetric(key: string): Promise<void> {
    await this.page.getByTestId('metric-picker').selectOption(key);
  }

  /** The per-paragraph difference chart: its caption, and the rows of its figures table. */
  get differenceChart(): Locator {
    return this.page.getByTestId('screen-chart-difference');
  }
  get differenceFigureRows(): Locator {
    return this.page.getByTestId('figures-difference').locator('tbody tr');
  }
  /** The figures table's second column as numbers: paragraphs per band of a histogram. */
  differenceCounts(): Promise<number[]> {
    return this.differenceFigureRows
      .locator('td:nth-child(2)')
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent?.replace(/,/g, ''))));
  }

  /** The experiment the screen shows: the picker's chosen entry. */
  get chosenExperiment(): Locator {
    return this.page.getByTestId('quality-experiment').locator('option:checked');
  }

  async tab(id: 'summary' | 'paragraphs' | 'judge' | 'rate'): Promise<void> {
    await this.page.getByTestId(`quality-tab-${id}`).click();
  }

  get paragraphRows(): Locator {
    return this.page.getByTestId('paragraph-score-row');
  }
  /** Says how many of the paragraphs the per-paragraph table shows. */
  get rowsShown(): Locator {
    return this.page.getByTestId('paragraph-rows-shown');
  }
  async showMoreRows(): Promise<void> {
    await this.page.getByTestId('paragraph-rows-more').click();
  }
  /** Opens (or closes) the paragraph of the n-th per-paragraph row. */
  async toggleParagraph(n: number): Promise<void> {
    await this.paragraphRows.nth(n).getByTestId('paragraph-open').click();
  }
  get paragraphOutputs(): Locator {
    return this.page.getByTestId('paragraph-outputs');
  }
  /** The outputs shown for the opened paragraph, one cell per model. */
  get outputCells(): Locator {
    return this.paragraphOutputs.getByTestId('output-cell');
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

  /** The rating given to an output, as the rater sees it. */
  rating(label: 'A' | 'B'): Locator {
    return this.page.getByTestId(`rating-${label}`);
  }
  get raterName(): Locator {
    return this.page.getByTestId('rater-name');
  }
  /** Says the models were revealed, and why. */
  get revealNote(): Locator {
    return this.page.getByTestId('reveal-note');
  }
  /** Asks to see the models before the set is finished (there while ratings are blind). */
  get revealButton(): Locator {
    return this.page.getByTestId('reveal-models');
  }
  /** The unmasked paragraph, once the models are revealed. */
  get unmasked(): Locator {
    return this.page.getByTestId('unmasked');
  }
  /** Starts (or resumes) rating under the name in the field. */
  async startRatingAsEntered(): Promise<void> {
    await this.page.getByTestId('rater-start').click();
  }
  async startRating(name: string): Promise<void> {
    await this.tab('rate');
    await this.raterName.fill(name);
    await this.startRatingAsEntered();
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
  /** A judge setting's field: `concurrency`, `answer-attempts`, `price-in`, `price-out`. */
  judgeField(name: 'concurrency' | 'answer-attempts' | 'price-in' | 'price-out'): Locator {
    return this.page.getByTestId(`judge-${name}`);
  }
  get judgeRun(): Locator {
    return this.page.getByTestId('judge-run');
  }
  async saveJudge(): Promise<void> {
    await this.page.getByTestId('judge-save').click();
  }
  get judgeFailures(): Locator {
    return this.page.getByTestId('judge-failures');
  }
  get judgeRetry(): Locator {
    return this.page.getByTestId('judge-retry-failures');
  }
  get judgeRetryEstimate(): Locator {
    return this.page.getByTestId('judge-retry-estimate');
  }
  get judgeNoPrice(): Locator {
    return this.page.getByTestId('judge-estimate-no-price');
  }

  // What decides (the summary's decision settings).
  decision(metric: string): Locator {
    return this.page.getByTestId(`decision-${metric}`);
  }
  decisive(metric: string): Locator {
    return this.page.getByTestId(`decisive-${metric}`);
  }
  tolerance(metric: string): Locator {
    return this.page.getByTestId(`tolerance-${metric}`);
  }
  get judgeForm(): Locator {
    return this.page.getByTestId('judge-form');
  }
  get judgePriceIn(): Locator {
    return this.page.getByTestId('judge-price-in');
  }
  get judgePriceOut(): Locator {
    return this.page.getByTestId('judge-price-out');
  }
  async pickJudge(modelId: string): Promise<void> {
    await this.page.getByTestId('judge-model').selectOption(modelId);
  }
}
