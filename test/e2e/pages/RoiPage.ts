import { expect, type Locator, type Page } from '@playwright/test';

/** The ROI what-if screen as an analyst works it; specs talk to this, never to raw selectors. */
export class RoiPage {
  constructor(readonly page: Page) {}

  /** Opens the app at `url` (the host's, with its token) and goes to the ROI screen. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-app-state="ready"]').first().waitFor();
    await this.page.getByTestId('nav-roi').click();
    await this.page.locator('[data-testid="roi-screen"][data-app-state="ready"]').waitFor();
  }

  /** The tornado's note when its NPV axis does not reach $0. */
  get tornadoZoomNote(): Locator {
    return this.page.getByTestId('tornado-zoom');
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
  option(testId: string): Locator {
    return this.page.getByTestId(testId);
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

  async saveAs(name: string): Promise<void> {
    await this.page.getByTestId('scenario-name').fill(name);
    await this.page.getByTestId('scenario-save').click();
    await expect(this.scenarioState).toHaveText('Saved');
  }

  async openScenario(name: string): Promise<void> {
    await this.page.getByTestId('scenario-select').selectOption({ label: name });
    await expect(this.page.getByTestId('scenario-name')).toHaveValue(name);
  }
}
