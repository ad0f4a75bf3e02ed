import { expect, type Locator, type Page } from '@playwright/test';

/** The paragraph editor as a user sees it; specs talk to this, never to raw selectors. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-app-state="ready"]').waitFor();
  }

  get firstRun(): Locator {
    return this.page.getByTestId('first-run');
  }
  /** The first-run card's step names, in order (the bold word that starts each step). */
  async firstRunStepNames(): Promise<string[]> {
    const names = await this.firstRun.locator('ol li > strong').allTextContents();
    return names.map((n) => n.replace(/\.$/, ''));
  }
  /** The screen names in the sidebar, in order. */
  async sidebarNames(): Promise<string[]> {
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button')
      .allTextContents();
  }
  get datasetList(): Locator {
    return this.page.getByTestId('dataset-list');
  }
  get cards(): Locator {
    return this.page.getByTestId('paragraph-card');
  }
  get summary(): Locator {
    return this.page.getByTestId('dataset-summary');
  }
  get importDialog(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  async createDataset(name: string): Promise<void> {
    await this.page.getByTestId('new-dataset-name').fill(name);
    await this.page.getByTestId('create-dataset').click();
    await expect(this.page.getByTestId('dataset-name')).toHaveValue(name);
    await expect(this.page.getByTestId('paragraph-list')).toHaveAttribute('aria-busy', 'false');
  }

  async selectDataset(name: string): Promise<void> {
    await this.datasetList.getByRole('button', { name: new RegExp(name) }).click();
    await expect(this.page.getByTestId('dataset-name')).toHaveValue(name);
  }

  async typeParagraph(text: string, reference?: string): Promise<void> {
    await this.page.getByTestId('composer-text').pressSequentially(text, { delay: 0 });
    if (reference) await this.page.getByTestId('composer-reference').fill(reference);
  }

  composerStats(): Locator {
    return this.page.getByTestId('composer-stats');
  }

  async addTypedParagraph(): Promise<void> {
    const before = await this.cards.count();
    await this.page.getByTestId('composer-add').click();
    await expect(this.cards).toHaveCount(before + 1);
  }

  async pickFile(name: string, mimeType: string, content: string | Buffer): Promise<void> {
    const file = {
      name,
      mimeType,
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    };
    // A file set on an input that React replaces in the same instant (the editor re-rendering
    // after the previous import) is lost, as it would be for a person who picked a file at that
    // instant: pick it again until the dialog opens.
    await expect(async () => {
      await this.page.getByTestId('import-file-input').first().setInputFiles(file);
      await this.importDialog.waitFor({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }

  /** Drops a file the way a file manager would: a real DataTransfer on the editor pane. */
  async dropFile(name: string, content: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], fileName, { type: 'text/plain' }));
        return dt;
      },
      [name, content] as const,
    );
    const target = this.page.getByLabel('Dataset editor');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await this.importDialog.waitFor();
  }

  async confirmImport(): Promise<void> {
    await this.page.getByTestId('import-confirm').click();
    await expect(this.importDialog).toHaveCount(0);
  }

  async cancelImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.importDialog).toHaveCount(0);
  }

  cardTexts(): Promise<string[]> {
    return this.page
      .getByTestId('paragraph-text')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  }
}
