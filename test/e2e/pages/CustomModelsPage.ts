import type { Locator, Page } from '@playwright/test';

/** The Custom models screen: the account's custom models, the serve form, the servings. */
export class CustomModelsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-customModels').click();
    await this.page.getByTestId('custom-models-screen').waitFor();
  }
  async list(): Promise<void> {
    await this.page.getByTestId('custom-models-load').click();
  }
  get models(): Locator {
    return this.page.getByTestId('custom-model');
  }
  get serveForm(): Locator {
    return this.page.getByTestId('serve-form');
  }
  get serving(): Locator {
    return this.page.getByTestId('serving').first();
  }
  get phase(): Locator {
    return this.serving.getByTestId('serving-phase');
  }
  get cost(): Locator {
    return this.serving.getByTestId('serving-cost');
  }
  /** Opens the serve form of the first custom model listed. */
  async openServeForm(): Promise<void> {
    await this.models.first().getByTestId('custom-model-serve').click();
  }
  /** Opens the serve form of the first model, on demand, with these token rates. */
  async startServingOnDemand(inputUsdPer1k: string, outputUsdPer1k: string): Promise<void> {
    await this.openServeForm();
    await this.serveForm.getByTestId('serve-kind-customModelOnDemand').check();
    await this.serveForm.getByTestId('serve-input-rate').fill(inputUsdPer1k);
    await this.serveForm.getByTestId('serve-output-rate').fill(outputUsdPer1k);
  }
  /** The one-off cost field of the serve form (prefilled from a distillation the app ran). */
  get serveOneOff(): Locator {
    return this.serveForm.getByTestId('serve-one-off');
  }
  async buy(): Promise<void> {
    await this.serveForm.getByTestId('serve-buy').click();
  }
  async serveOnDemand(inputUsdPer1k: string, outputUsdPer1k: string, oneOffUsd: string) {
    await this.startServingOnDemand(inputUsdPer1k, outputUsdPer1k);
    await this.serveOneOff.fill(oneOffUsd);
    await this.buy();
  }
  async confirmServe(): Promise<void> {
    await this.serveForm.getByTestId('serve-confirm').click();
  }
  async evaluate(): Promise<void> {
    await this.serving.getByTestId('evaluate').click();
  }
  async createScenario(): Promise<void> {
    await this.serving.getByTestId('evaluate-scenario').click();
  }
  /** What serving will cost, shown in the form before anything is bought. */
  get serveCost(): Locator {
    return this.serveForm.getByTestId('serve-cost');
  }
  get servingArn(): Locator {
    return this.serving.getByTestId('serving-arn');
  }
  get evaluateTeacher(): Locator {
    return this.serving.getByTestId('evaluate-teacher');
  }
  get evaluateProgress(): Locator {
    return this.serving.getByTestId('evaluate-progress');
  }
  get scenarioSaved(): Locator {
    return this.serving.getByTestId('evaluate-scenario-saved');
  }
  /** Opens the ROI screen from the saved evaluation. */
  async openRoi(): Promise<void> {
    await this.serving.getByRole('button', { name: 'Open ROI' }).click();
    await this.page.locator('[data-testid="roi-screen"][data-app-state="ready"]').waitFor();
  }
  async delete(): Promise<void> {
    await this.serving.getByTestId('serving-delete').click();
    await this.serving.getByTestId('serving-delete-confirm').click();
  }
}
