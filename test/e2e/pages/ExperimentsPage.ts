import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The experiments screen: setup, run panel and results, as a user works them. */
export class ExperimentsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('experiments');
  }

  /** Goes to the experiments screen and starts a new experiment's setup. */
  async openNew(): Promise<void> {
    await this.open();
    await this.page.getByTestId('new-experiment').click();
    await this.page.getByTestId('experiment-setup').waitFor();
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

  /** A field of the setup form, by its test id (`exp-repeats`, `exp-budget`, …). */
  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  async setNumber(testId: string, value: string): Promise<void> {
    await this.field(testId).fill(value);
  }
  get startButton(): Locator {
    return this.page.getByTestId('start-experiment');
  }

  async createAndRun(): Promise<void> {
    await expect(this.page.getByTestId('setup-problem')).toHaveCount(0);
    await expect(this.estimate).toBeVisible();
    await this.startButton.click();
    await this.runPanel.waitFor();
  }

  // The setup form.
  /** Picks the dataset to run, by its entry (`Name (N)`). */
  async chooseDataset(label: string): Promise<void> {
    await this.page.getByTestId('experiment-dataset').selectOption({ label });
  }
  /** A model's price field in the form, e.g. ('Llama 3 8B Instruct', 'input'). */
  priceField(modelName: string, side: 'input' | 'output'): Locator {
    return this.page.getByLabel(`${modelName} ${side} price`);
  }
  /** Where a model's price in the form comes from. */
  priceOrigin(modelId: string): Locator {
    return this.page.getByTestId(`price-origin-${modelId}`);
  }
  get overBudget(): Locator {
    return this.page.getByTestId('over-budget');
  }

  // The run panel and the list.
  /** The panel's buttons (pause, cancel, resume…), whatever they are. */
  get runPanelButtons(): Locator {
    return this.runPanel.getByRole('button');
  }
  async resume(): Promise<void> {
    await this.runPanel.getByTestId('resume-run').click();
  }
  /** The run panel's status word (Running, Paused, Interrupted…). */
  get runStatus(): Locator {
    return this.runPanel.getByTestId('run-status');
  }
  /** Why the run stands where it does, beside its status. */
  get runStatusReason(): Locator {
    return this.runPanel.getByTestId('run-status-reason');
  }
  async confirmOverBudget(): Promise<void> {
    await this.page.getByTestId('confirm-over-budget').click();
  }
  get list(): Locator {
    return this.page.getByTestId('experiment-list');
  }
  /** Selects an experiment in the list, by its name. */
  async choose(name: string): Promise<void> {
    await this.list.getByRole('button').filter({ hasText: name }).click();
  }
  /** The list's entry for the experiment on screen. */
  get selectedEntry(): Locator {
    return this.list.locator('[aria-current="true"]');
  }
  /** The experiment on screen (its run and results). */
  get detail(): Locator {
    return this.page.getByTestId('experiment-detail');
  }
  /** The progress line of the first experiment in the list. */
  get listProgress(): Locator {
    return this.page.getByTestId('experiment-list-progress').first();
  }

  get deleteButton(): Locator {
    return this.page.getByTestId('delete-experiment').first();
  }

  // Results.
  get sideBySide(): Locator {
    return this.page.getByTestId('side-by-side');
  }
  get summaryRows(): Locator {
    return this.summary.locator('tbody tr');
  }
  /** The results table's call counts, one per model row (teacher first). */
  get summaryCalls(): Locator {
    return this.summaryRows.locator('td:nth-of-type(1)');
  }
  /** The run panel's time lost to retries, one per model. */
  get runModelLost(): Locator {
    return this.runPanel.getByTestId('run-model-lost');
  }
  /** Every output cell on the screen, or those of one side-by-side row. */
  outputCells(row?: Locator): Locator {
    return (row ?? this.page).getByTestId('output-cell');
  }
  /** Output cells of calls with no stored result, saying why. */
  get missingOutputs(): Locator {
    return this.page.getByTestId('output-missing');
  }
  /** The words a row's outputs differ in, marked. */
  diffMarks(row: Locator): Locator {
    return row.locator('mark.diff');
  }
  /** A row's paragraph as it was run. */
  sourceText(row: Locator): Locator {
    return row.locator('.source-text');
  }
  /** The mark on a row whose paragraph changed after the run. */
  editedSinceRun(row: Locator): Locator {
    return row.getByTestId('edited-since-run');
  }
  /** Model output rendered as markup rather than text (none may exist). */
  get renderedMarkup(): Locator {
    return this.page.locator(
      '.output img, .output svg, .output iframe, .output a[href^="javascript"]',
    );
  }

  /** "Run missing calls on demand (N)": the calls a collected batch left without a result. */
  get runMissingButton(): Locator {
    return this.page.getByTestId('run-missing');
  }
  async runMissing(): Promise<void> {
    await this.runMissingButton.click();
  }
  /** What the results say while no call is stored. */
  get noResults(): Locator {
    return this.page.getByTestId('results-empty');
  }

  async waitForStatus(status: string | RegExp, timeout = 60_000): Promise<void> {
    await expect(this.runPanel).toHaveAttribute('data-status', status, { timeout });
  }
}
