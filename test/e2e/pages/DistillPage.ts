import type { Locator, Page } from '@playwright/test';

/** The Distill screen: settings, launch form, estimate and the job list. */
export class DistillPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-distill').click();
    await this.page.getByTestId('distill-screen').waitFor();
  }

  async saveSettings(roleArn: string, s3Uri: string, budgetUsd: string): Promise<void> {
    await this.page.getByTestId('distill-role').fill(roleArn);
    await this.page.getByTestId('distill-s3').fill(s3Uri);
    await this.page.getByTestId('distill-budget').fill(budgetUsd);
    await this.page.getByTestId('distill-save-settings').click();
  }

  async fill(o: {
    student?: string;
    datasetName: string;
    name: string;
    trainingPrice: string;
    storagePrice: string;
  }): Promise<void> {
    if (o.student) await this.page.getByTestId('distill-student').selectOption(o.student);
    await this.page.getByTestId('distill-dataset').selectOption({ label: o.datasetName });
    await this.page.getByTestId('distill-name').fill(o.name);
    await this.page.getByTestId('distill-training-price').fill(o.trainingPrice);
    await this.page.getByTestId('distill-storage-price').fill(o.storagePrice);
  }

  async chooseStudent(modelId: string): Promise<void> {
    await this.page.getByTestId('distill-student').selectOption(modelId);
  }
  problem(field: string): Locator {
    return this.page.getByTestId(`distill-problem-${field}`);
  }
  get estimate(): Locator {
    return this.page.getByTestId('distill-estimate-value');
  }
  get confirm(): Locator {
    return this.page.getByTestId('distill-confirm');
  }
  get launch(): Locator {
    return this.page.getByTestId('distill-launch');
  }
  get jobs(): Locator {
    return this.page.getByTestId('distill-job');
  }
  get status(): Locator {
    return this.page.getByTestId('distill-job-status');
  }
  step(name: 'validation' | 'dataProcessing' | 'training'): Locator {
    return this.page.getByTestId(`distill-step-${name}`);
  }
  get outcome(): Locator {
    return this.page.getByTestId('distill-job-outcome');
  }
  /** The newest job's one-off cost: the estimate while it runs, the actual once it completed. */
  get jobCost(): Locator {
    return this.page.getByTestId('distill-job-cost').first();
  }
  get serveNote(): Locator {
    return this.page.getByTestId('distill-serve-note');
  }
}
