import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The ROI what-if screen as an analyst works it; specs talk to this, never to raw selectors. */
export class RoiPage {
  constructor(readonly page: Page) {}

  /** Opens the app at `url` (the host's, with its token) and goes to the ROI screen. */
  async open(url: string): Promise<void> {
    await new AppShell(this.page).open(url);
    await this.show();
  }
  /** Goes to the ROI screen from the sidebar. */
  async show(): Promise<void> {
    await new AppShell(this.page).goTo('roi');
  }

  /** The tornado's note when its NPV axis does not reach $0. */
  get tornadoZoomNote(): Locator {
    return this.page.getByTestId('tornado-zoom');
  }
  /** The tornado's figures, as a table. */
  get tornadoFigures(): Locator {
    return this.page.getByTestId('tornado-figures');
  }
  /** Clicks an empty spot of an assumption group, so the field typed in loses focus. */
  async leaveField(group: string): Promise<void> {
    await this.page.getByTestId(`group-${group}`).click({ position: { x: 2, y: 2 } });
  }
  /** Whether a typed field shows its whole figure (nothing scrolled out of sight). */
  async fieldShowsAll(id: string): Promise<boolean> {
    return this.input(id).evaluate((el) => el.scrollWidth <= el.clientWidth);
  }

  figure(id: string): Locator {
    return this.page.getByTestId(`figure-${id}`);
  }
  slider(id: string): Locator {
    return this.page.getByTestId(`${id}-slider`);
  }
  input(id: string): Locator {
    return this.page.getByTestId(`${id}-input`);
  }
  missing(id: string): Locator {
    return this.page.getByTestId(`${id}-missing`);
  }
  /** Which price applies to a side ('teacher' | 'student'), and where it came from. */
  priceApplies(side: 'teacher' | 'student'): Locator {
    return this.page.getByTestId(`prices-${side}-applies`);
  }
  get problems(): Locator {
    return this.page.getByTestId('roi-problems');
  }
  /** The cost-vs-volume chart's text alternative (its figures as a table). */
  get costVolumeTable(): Locator {
    return this.page.getByTestId('cost-volume-figures').locator('table');
  }
  get costVolumeCaption(): Locator {
    return this.page.getByTestId('screen-chart-cost-volume').locator('figcaption');
  }
  get monteCarloFigures(): Locator {
    return this.page.getByTestId('mc-figures');
  }
  get monteCarloNote(): Locator {
    return this.page.getByTestId('mc-seed-note');
  }
  /** Whether Bedrock distils the pair, or why not. */
  get distillOffer(): Locator {
    return this.page.getByTestId('distill-offer');
  }
  /** The serving modes Bedrock does not sell for this student, each with its reason. */
  get servingNotOffered(): Locator {
    return this.page.getByTestId('serving-not-offered');
  }
  get batchNotes(): Locator {
    return this.page.getByTestId('batch-note');
  }
  /** Prefills the screen from a stored experiment: by its entry's label, or its id. */
  async chooseEvidence(experiment: { label: string } | { value: string }): Promise<void> {
    await this.page.getByTestId('evidence-experiment').selectOption(experiment);
  }
  /** Prefills from the first stored experiment in the list. */
  async chooseFirstEvidence(): Promise<void> {
    const first = this.page.getByTestId('evidence-experiment').locator('option').nth(1);
    await this.chooseEvidence({ value: (await first.getAttribute('value')) ?? '' });
  }
  /** Which of the experiment's students the scenario takes, by name. */
  async chooseEvidenceStudent(label: string): Promise<void> {
    await this.page.getByTestId('evidence-student').selectOption({ label });
  }
  /** The verdict: whether to move to the student, and on what evidence. */
  get verdict(): Locator {
    return this.page.getByTestId('roi-verdict');
  }
  get verdictHeading(): Locator {
    return this.verdict.getByRole('heading');
  }
  /** What would settle an unclear verdict. */
  get verdictSettle(): Locator {
    return this.page.getByTestId('roi-verdict-settle');
  }
  /** Where each prefilled figure came from. */
  get prefillNotes(): Locator {
    return this.page.getByTestId('prefill-notes');
  }
  get compareTable(): Locator {
    return this.page.getByTestId('compare-table');
  }
  /** Rows of the comparison where the scenarios' assumptions differ. */
  get differingRows(): Locator {
    return this.compareTable.locator('tr[data-differs="true"]');
  }
  /** The chosen option of a segmented control (`horizon`, …), whichever it is. */
  checkedChoice(control: string): Locator {
    return this.page.getByTestId(control).getByRole('radio', { checked: true });
  }
  option(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  // Prices.
  /** One price of a side (`trainingusdper1ktokens`, …), with its origin and its override button. */
  price(side: 'teacher' | 'student', field: string): Locator {
    return this.page.getByTestId(`prices-${side}-${field}`);
  }
  /** Gives a price the sources do not know (the row's only button), with a dated note. */
  async enterUnknownPrice(
    side: 'teacher' | 'student',
    field: string,
    value: string,
    note: string,
  ): Promise<void> {
    await this.price(side, field).getByRole('button').click();
    await this.fillOverrideForm(`prices-${side}-${field}`, value, note);
  }
  /** A side's prices in one line, as prefilled. */
  priceLine(side: 'teacher' | 'student'): Locator {
    return this.page.getByTestId(`price-line-${side}`);
  }
  get recommendation(): Locator {
    return this.page.getByTestId('recommendation');
  }
  get recommendationReason(): Locator {
    return this.page.getByTestId('recommendation-reason');
  }

  // Scenarios.
  get scenarioName(): Locator {
    return this.page.getByTestId('scenario-name');
  }
  get saveButton(): Locator {
    return this.page.getByTestId('scenario-save');
  }
  get duplicateButton(): Locator {
    return this.page.getByTestId('scenario-duplicate');
  }
  async duplicate(): Promise<void> {
    await this.duplicateButton.click();
  }
  /** Why Save or Duplicate is disabled, said in words beside the buttons. */
  get whyNot(): Locator {
    return this.page.getByTestId('scenario-bar').getByTestId('scenario-why-not');
  }
  /** The name the duplicate will be saved under, asked before it is saved. */
  get copyName(): Locator {
    return this.page.getByTestId('scenario-copy-name');
  }
  async saveCopy(): Promise<void> {
    await this.page.getByTestId('scenario-copy-save').click();
  }
  get scenarioState(): Locator {
    return this.page.getByTestId('scenario-state');
  }

  /** Moves a slider the way a keyboard user does: `steps` presses of an arrow key. */
  async nudge(id: string, steps: number): Promise<void> {
    const slider = this.slider(id);
    await slider.focus();
    const key = steps < 0 ? 'ArrowLeft' : 'ArrowRight';
    for (let i = 0; i < Math.abs(steps); i++) await slider.press(key);
  }

  async type(id: string, value: string): Promise<void> {
    await this.input(id).fill(value);
  }

  async choose(testId: string): Promise<void> {
    await this.page.getByTestId(testId).click();
  }

  async setSeed(seed: number): Promise<void> {
    await this.page.getByTestId('mc-seed').fill(String(seed));
  }

  /** What a distillation that has run cost, when the scenario carries it. */
  get actualDistillationCost(): Locator {
    return this.page.getByTestId('distill-actual');
  }

  async saveAs(name: string): Promise<void> {
    await this.scenarioName.fill(name);
    await this.saveButton.click();
    await expect(this.scenarioState).toHaveText('Saved');
  }

  get overrideList(): Locator {
    return this.page.getByTestId('override-list');
  }

  /** Overrides one figure of the price panel (row test id), for the scope the panel has chosen. */
  async overridePrice(rowId: string, value: string, note: string): Promise<void> {
    await this.page.getByTestId(`${rowId}-edit`).click();
    await this.fillOverrideForm(rowId, value, note);
  }
  private async fillOverrideForm(rowId: string, value: string, note: string): Promise<void> {
    const form = this.page.getByTestId(`${rowId}-form`);
    await form.getByTestId(`${rowId}-form-value-0`).fill(value);
    await form.getByTestId(`${rowId}-form-note`).fill(note);
    await form.getByTestId(`${rowId}-form-save`).click();
  }

  async openScenario(name: string): Promise<void> {
    await this.page.getByTestId('scenario-select').selectOption({ label: name });
    await expect(this.scenarioName).toHaveValue(name);
  }
}
