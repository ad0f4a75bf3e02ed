import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';
import { DatasetsPage } from './DatasetsPage';
import { ExperimentsPage } from './ExperimentsPage';

/** The model picker and the ROI screen's Price List panel, as an analyst works them. */
export class CatalogPage {
  constructor(readonly page: Page) {}

  /** From a fresh data folder: adds the sample dataset and opens a new experiment's setup. */
  async openNewExperiment(url: string): Promise<void> {
    const datasets = new DatasetsPage(this.page);
    await datasets.open(url);
    await datasets.addSample();
    await new ExperimentsPage(this.page).openNew();
  }

  get listOrigin(): Locator {
    return this.page.getByTestId('model-list-origin');
  }
  get listNotice(): Locator {
    return this.page.getByTestId('model-list-notice');
  }
  get teacher(): Locator {
    return this.page.getByTestId('teacher-model');
  }
  /** What each chosen student resolves to (a provisioned ARN is priced as its base model). */
  get studentResolutions(): Locator {
    return this.students.getByTestId('model-resolution');
  }
  /** A teacher the picker offers, by the text of its entry. */
  teacherOption(text: string): Locator {
    return this.teacher.locator('option', { hasText: text });
  }
  get students(): Locator {
    return this.page.getByTestId('student-models');
  }
  get lifecycleWarnings(): Locator {
    return this.page.getByTestId('lifecycle-warning');
  }
  async refreshModels(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh from AWS' }).click();
  }
  /** Types an id, profile or ARN into the "another model" field (not yet added). */
  async typeModel(id: string): Promise<void> {
    await this.page.getByLabel('Another model id, inference profile or ARN').fill(id);
  }
  async addTypedStudent(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add student' }).click();
  }
  get modelResolutions(): Locator {
    return this.page.getByTestId('model-resolution');
  }
  async chooseStudent(label: string | RegExp): Promise<void> {
    await this.students.getByLabel(label).check();
  }

  async chooseTier(model: string, tier: string): Promise<void> {
    await this.page.getByLabel(`${model} service tier`).selectOption({ label: tier });
  }
  get pricesTable(): Locator {
    return this.page.getByTestId('prices-table');
  }
  get tierSummary(): Locator {
    return this.page.getByTestId('tier-summary');
  }

  async openRoi(): Promise<void> {
    await new AppShell(this.page).goTo('roi');
  }
  get priceListDate(): Locator {
    return this.page.getByTestId('price-list-date');
  }
  get refreshResult(): Locator {
    return this.page.getByTestId('refresh-result');
  }
  get snapshotList(): Locator {
    return this.page.getByTestId('snapshot-list');
  }
  /** The Price List snapshots kept, one entry each. */
  get snapshots(): Locator {
    return this.snapshotList.locator('li');
  }
  studentTierPrices(): Locator {
    return this.page.getByTestId('tier-prices-student');
  }
  async refreshPrices(): Promise<void> {
    await this.page.getByTestId('refresh-prices').click();
  }
}
